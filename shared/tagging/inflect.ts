// Case forms of place and actor names in the languages that inflect them: Russian, Ukrainian, Polish
// (Москвою, Росії, Донеччині, Києві, Niemczech, Ukrainie) and the German genitive (Russlands). The
// matcher compiles these forms into its trie beside the names, so that the scan stays one pass and a
// mention's offsets cover exactly the inflected word. The rules are general suffix rules over the
// ending of each word (noun classes, adjective agreement, the Ukrainian і → о/е and Polish ó → o
// alternations, the Polish and Ukrainian consonant changes before -e/-і); they over-generate on
// purpose (both the -а and -у genitives of a Ukrainian masculine noun), because a form that no one
// writes costs a trie node and nothing else. Names that share a stem get distinct endings (Иран /
// Ирак; Нігер / Нігерія); a form two different entries generate is dropped by the matcher.
//
// Adjectives of a country (российский, українська) are written in lower case in these languages and
// are not generated: the name, not the adjective, is the evidence (docs/TAGGING.md, "Languages").

/** Languages whose forms are generated. */
export type InflectLang = 'ru' | 'uk' | 'pl' | 'de';

/** A word's forms in each oblique case (gen, dat, acc, instr, loc), lower-case endings on its stem. */
type Cases = string[][];

const CASES = 5;
const empty = (): Cases => Array.from({ length: CASES }, () => []);

/** Replaces `drop` letters at the end of `w` by each ending, one list per case. */
function endings(w: string, drop: number, table: (string | string[])[]): Cases {
  const stem = w.slice(0, w.length - drop);
  return table.map((e) => (Array.isArray(e) ? e : [e]).map((x) => stem + x));
}

const merge = (a: Cases, b: Cases): Cases => a.map((l, i) => [...l, ...b[i]!]);

const ends = (w: string, ...suffixes: string[]) => suffixes.some((s) => w.endsWith(s));

// ---- Russian -------------------------------------------------------------------------------

const RU_VELAR_SIBILANT = /[гкхжшчщ]$/;
const RU_SIBILANT = /[жшчщц]$/;

function ruAdjective(w: string): Cases | undefined {
  const l = w.toLowerCase();
  if (ends(l, 'ая')) return endings(w, 2, ['ой', 'ой', 'ую', ['ой', 'ою'], 'ой']);
  if (ends(l, 'яя')) return endings(w, 2, ['ей', 'ей', 'юю', ['ей', 'ею'], 'ей']);
  if (ends(l, 'ые')) return endings(w, 2, ['ых', 'ым', 'ые', 'ыми', 'ых']);
  if (ends(l, 'ие')) return endings(w, 2, ['их', 'им', 'ие', 'ими', 'их']);
  if (ends(l, 'ый', 'ой')) return endings(w, 2, ['ого', 'ому', 'ого', 'ым', 'ом']);
  if (ends(l, 'ий')) return RU_VELAR_SIBILANT.test(l.slice(0, -2)) ? endings(w, 2, [['ого', 'его'], ['ому', 'ему'], ['ого', 'его'], 'им', ['ом', 'ем']]) : endings(w, 2, ['его', 'ему', 'его', 'им', 'ем']);
  if (ends(l, 'ое')) return endings(w, 2, ['ого', 'ому', 'ое', 'ым', 'ом']);
  if (ends(l, 'ее')) return endings(w, 2, ['его', 'ему', 'ее', 'им', 'ем']);
  return undefined;
}

function ruNoun(w: string, person: boolean): Cases {
  const l = w.toLowerCase();
  if (ends(l, 'ия')) return endings(w, 1, ['и', 'и', 'ю', ['ей', 'ею'], 'и']);
  if (ends(l, 'ья', 'ея', 'уя', 'оя', 'ая')) return endings(w, 1, ['и', 'е', 'ю', ['ей', 'ею'], 'е']);
  if (ends(l, 'я')) return endings(w, 1, ['и', 'е', 'ю', ['ей', 'ею'], 'е']);
  if (ends(l, 'а')) {
    const stem = l.slice(0, -1);
    return endings(w, 1, [RU_VELAR_SIBILANT.test(stem) ? 'и' : 'ы', 'е', 'у', RU_SIBILANT.test(stem) ? ['ей', 'ею', 'ой'] : ['ой', 'ою'], 'е']);
  }
  if (ends(l, 'ье', 'ьё')) return endings(w, 1, ['я', 'ю', l.slice(-1), 'ем', 'е']);
  if (ends(l, 'ре', 'ле', 'це')) return endings(w, 1, ['я', 'ю', 'е', 'ем', 'е']); // море, поле
  if (ends(l, 'ы')) return merge(endings(w, 1, [['', 'ов'], 'ам', 'ы', 'ами', 'ах']), empty()); // Филиппины, Нидерланды
  if (/[оеиуюэ]$/.test(l)) return empty(); // Марокко, Сомали, Перу: not declined
  if (ends(l, 'й')) return endings(w, 1, ['я', 'ю', 'й', 'ем', 'е']);
  if (ends(l, 'ь')) return merge(endings(w, 1, ['я', 'ю', 'ь', 'ем', 'е']), endings(w, 1, ['и', 'и', 'ь', 'ью', 'и'])); // Израиль; область
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(l)) {
    const instr = person && /(ов|ев|ёв|ин|ын)$/.test(l) ? 'ым' : RU_SIBILANT.test(l) ? 'ем' : 'ом';
    let c = endings(w, 0, ['а', 'у', person ? 'а' : '', [instr, 'ом'], 'е']);
    // Fleeting vowel: Египет → Египта, Кременец → Кременца.
    if (/[бвгджзклмнпрстфхцчшщ][её][кцтн]$/.test(l)) c = merge(c, endings(w.slice(0, -2) + w.slice(-1), 0, ['а', 'у', '', 'ом', 'е']));
    return c;
  }
  return empty();
}

// ---- Ukrainian -----------------------------------------------------------------------------

const UK_VELAR = /[гкх]$/;
const UK_SIBILANT = /[жчшщ]$/;
const UK_ALTERNATION: Record<string, string> = { к: 'ц', г: 'з', х: 'с' };

function ukAdjective(w: string): Cases | undefined {
  const l = w.toLowerCase();
  if (ends(l, 'ська', 'цька', 'зька', 'на', 'ка', 'ла', 'ва', 'та', 'ра')) return endings(w, 1, ['ої', 'ій', 'у', 'ою', 'ій']);
  if (ends(l, 'ий')) return endings(w, 2, ['ого', 'ому', 'ого', 'им', ['ому', 'ім']]);
  if (ends(l, 'не', 'ке', 'ле', 'ве')) return endings(w, 1, ['ого', 'ому', 'е', 'им', ['ому', 'ім']]);
  if (ends(l, 'ні', 'кі', 'ді', 'ті')) return endings(w, 1, ['их', 'им', 'і', 'ими', 'их']); // Сполучені, Об'єднані
  return undefined;
}

/** Ukrainian town names in -ів/-їв open the і to о, the ї to є in the oblique cases (Харків → Харкова, Київ → Києва). */
function ukStems(w: string): string[] {
  const m = /^(.+)([іїІЇ])(в)$/.exec(w);
  if (!m) return [w];
  const [, head, v, tail] = m;
  return [`${head}${v === 'ї' || v === 'Ї' ? 'є' : 'о'}${tail}`];
}

function ukNoun(w: string, person: boolean): Cases {
  const l = w.toLowerCase();
  if (ends(l, 'ія')) return endings(w, 1, ['ї', 'ї', 'ю', 'єю', 'ї']);
  if (/[аеєиіїоуюя]я$/.test(l)) return endings(w, 1, ['ї', 'ї', 'ю', 'єю', 'ї']); // Корея, Гвінея
  if (/(жж|чч|лл|нн|тт|сс|дд|зз|цц|шш|')я$/.test(l)) return endings(w, 1, ['я', 'ю', 'я', 'ям', ['ї', 'і']]); // Запоріжжя, Придністров'я
  if (ends(l, 'я')) return endings(w, 1, ['і', 'і', 'ю', 'ею', 'і']);
  if (ends(l, 'а')) {
    const stem = w.slice(0, -1);
    const last = stem.slice(-1).toLowerCase();
    const datLoc = UK_ALTERNATION[last] ? [`${stem.slice(0, -1)}${UK_ALTERNATION[last]}і`, `${stem}і`] : [`${stem}і`];
    return [[`${stem}и`], datLoc, [`${stem}у`], [UK_SIBILANT.test(last) ? `${stem}ею` : `${stem}ою`], datLoc];
  }
  if (ends(l, 'о', 'е')) return endings(w, 1, ['а', 'у', l.slice(-1), 'ом', ['і', 'у']]); // Косово, море
  if (ends(l, 'и')) return endings(w, 1, [['', 'ів'], 'ам', 'и', 'ами', 'ах']); // Суми, Нідерланди, Штати
  if (/[уюі]$/.test(l)) return empty();
  let c = empty();
  for (const s of ukStems(w)) {
    const sl = s.toLowerCase();
    if (ends(sl, 'й')) c = merge(c, endings(s, 1, ['я', 'ю', 'й', 'єм', 'ї']));
    else if (ends(sl, 'ь')) c = merge(merge(c, endings(s, 1, ['я', 'ю', 'ь', 'ем', 'і'])), endings(s, 1, ['і', 'і', 'ь', 'ю', 'і'])); // Ізраїль; область
    else if (/[бвгґджзклмнпрстфхцчшщ]$/.test(sl)) {
      const instr = person && /(ов|ев|ін|ин|їн)$/.test(sl) ? 'им' : UK_SIBILANT.test(sl) ? 'ем' : 'ом';
      c = merge(c, endings(s, 0, [['а', 'у'], ['у', 'ові'], person ? 'а' : '', [instr, 'ом'], UK_VELAR.test(sl) ? ['у', 'і'] : ['і', 'у']]));
    }
  }
  c[2] = c[2]!.filter((x) => x !== w);
  return c;
}

// ---- Polish --------------------------------------------------------------------------------

/** The locative/dative stem change before -e/-ie: Ukraina → Ukrainie, Ameryka → Ameryce, Egipt → Egipcie. */
const PL_SOFTEN: [string, string][] = [
  ['sk', 'sc'], ['st', 'ści'], ['k', 'c'], ['g', 'dz'], ['ch', 'sz'], ['r', 'rz'], ['t', 'ci'], ['d', 'dzi'], ['ł', 'l'],
  ['sł', 'śl'], ['n', 'ni'], ['s', 'si'], ['z', 'zi'], ['w', 'wi'], ['b', 'bi'], ['p', 'pi'], ['m', 'mi'], ['f', 'fi'],
];
/** Stem changes of the -ech locative of plural names: Niemcy → Niemczech, Włochy → Włoszech, Węgry → Węgrzech. */
const PL_PLURAL_LOC: [string, string][] = [['ch', 'sz'], ['c', 'cz'], ['r', 'rz'], ['k', 'c'], ['g', 'dz']];

function softened(stem: string): string | undefined {
  const l = stem.toLowerCase();
  let best: [string, string] | undefined;
  for (const p of PL_SOFTEN) if (l.endsWith(p[0]) && (!best || p[0].length > best[0].length)) best = p;
  return best ? stem.slice(0, stem.length - best[0].length) + best[1] : undefined;
}

const PL_VOWEL = /[aąeęioóuy]/i;
const PL_DIGRAPH = /(ch|cz|sz|rz|dz|dż|dź)$/i;

/** Genitive plural with the mobile e of a final consonant cluster: Niemc → Niemiec, Węgr → Węgier. */
function plMobileE(stem: string): string {
  const unit = PL_DIGRAPH.exec(stem)?.[0] ?? stem.slice(-1);
  const before = stem.slice(0, stem.length - unit.length);
  if (!before || PL_VOWEL.test(before.slice(-1)) || PL_VOWEL.test(unit)) return stem;
  return `${before}ie${unit}`;
}

function plAdjective(w: string): Cases | undefined {
  const l = w.toLowerCase();
  if (ends(l, 'ska', 'cka', 'ka', 'ga')) return endings(w, 1, ['iej', 'iej', 'ą', 'ą', 'iej']); // Wielka → Wielkiej
  if (ends(l, 'na', 'wa', 'ta', 'ła')) return endings(w, 1, ['ej', 'ej', 'ą', 'ą', 'ej']); // Północna → Północnej
  if (ends(l, 'kie', 'gie')) return endings(w, 1, ['ch', 'm', 'e', 'mi', 'ch']); // Arabskie → Arabskich
  if (ends(l, 'ne', 'te', 'we', 'łe')) return endings(w, 1, ['ych', 'ym', 'e', 'ymi', 'ych']); // Zjednoczone → Zjednoczonych
  return undefined;
}

function plNoun(w: string): Cases {
  const l = w.toLowerCase();
  if (ends(l, 'ja')) return endings(w, 1, ['i', 'i', 'ę', 'ą', 'i']); // Rosja → Rosji
  if (ends(l, 'ea')) return endings(w, 1, ['i', 'i', 'ę', 'ą', 'i']); // Korea → Korei
  if (ends(l, 'ia')) return endings(w, 1, ['i', 'i', 'ę', 'ą', 'i']); // Japonia → Japonii
  if (ends(l, 'a') && !PL_VOWEL.test(l.slice(-2, -1))) {
    const stem = w.slice(0, -1);
    const soft = softened(stem);
    const datLoc = soft ? [`${soft}e`] : [`${stem}ie`];
    return [[/[kg]$/.test(stem) ? `${stem}i` : `${stem}y`], datLoc, [`${stem}ę`], [`${stem}ą`], datLoc];
  }
  if (ends(l, 'ie')) return endings(w, 1, ['i', 'om', 'e', 'ami', 'ach']); // Indie → Indii
  if (ends(l, 'y') && w.length > 4) {
    const stem = w.slice(0, -1);
    const locs = [`${stem}ach`];
    for (const [a, b] of PL_PLURAL_LOC) if (stem.toLowerCase().endsWith(a)) {
      locs.push(`${stem.slice(0, stem.length - a.length)}${b}ech`);
      break;
    }
    return [[plMobileE(stem), `${stem}ów`], [`${stem}om`], [w], [`${stem}ami`], locs];
  }
  if (/(wo|ko)$/.test(l)) return endings(w, 1, ['a', 'u', 'o', l.endsWith('ko') ? 'iem' : 'em', l.endsWith('ko') ? 'u' : 'ie']); // Kosowo, Maroko
  if (/[aeiouyąę]$/.test(l)) return empty();
  // Masculine: Iran → Iranu, Iranie; Kijów → Kijowa, Kijowie; Egipt → Egiptu, Egipcie.
  const stem = w.replace(/ó([^aąeęioóuy]+)$/i, 'o$1');
  const sl = stem.toLowerCase();
  const velar = /(k|g|ch)$/.test(sl);
  const softEnd = /(l|j|c|cz|sz|rz|ż|dz|dż|ś|ź|ć|ń)$/.test(sl);
  const loc = velar || softEnd ? [`${stem}u`] : [...(softened(stem) ? [`${softened(stem)!}e`] : []), `${stem}ie`];
  return [[`${stem}a`, `${stem}u`], [`${stem}owi`, `${stem}u`], [`${stem}a`], [velar ? `${stem}iem` : `${stem}em`], loc];
}

// ---- German --------------------------------------------------------------------------------

function deWord(w: string, last: boolean): Cases {
  const c = empty();
  if (last) {
    if (!/[sßxz]$/i.test(w)) c[0]!.push(`${w}s`); // Russlands, Irans, Moskaus
  } else if (/e$/.test(w)) for (const i of [0, 1, 2, 3]) c[i]!.push(`${w}n`); // Vereinigten Staaten
  return c;
}

// ---- One name ------------------------------------------------------------------------------

/** True for an acronym or a word of digits (НАТО, США, ДНР, M23): not declined. */
const isAcronym = (w: string) => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();

function wordCases(w: string, lang: InflectLang, nonFinal: boolean, person: boolean, last: boolean): Cases {
  if (isAcronym(w) || w.length < 3) return empty();
  switch (lang) {
    case 'ru':
      return ruAdjective(w) ?? ruNoun(w, person);
    case 'uk': {
      const adj = ukAdjective(w);
      // A word in -а before another may be an adjective (Донецька область) or a noun (Республіка Корея): both.
      return adj && nonFinal ? merge(adj, ukNoun(w, person)) : merge(ukNoun(w, person), adj && /(ий|і)$/.test(w) ? adj : empty());
    }
    case 'pl': {
      const adj = plAdjective(w);
      return adj ? merge(adj, nonFinal || !/(na|ka|wa)$/.test(w) ? empty() : plNoun(w)) : plNoun(w);
    }
    case 'de':
      return deWord(w, last);
  }
}

/** Most forms kept for one name (its many-word combinations grow fast). */
const MAX_FORMS = 48;

/**
 * The oblique case forms of a name in its language, without the name itself: "Росія" → Росії, Росію,
 * Росією; "Донецька область" → "Донецької області", …; "Niemcy" → Niemiec, Niemcom, Niemczech, ….
 * `person` marks a surname (Путин → Путиным). Words are separated by spaces or hyphens; the words of a
 * name agree in case, so each case is built from the same case of every word. For a name of several
 * words every word is declined, and only the first ("Республика Корея" → "Республики Корея"); for
 * three or more, also all but the last ("Соединённых Штатов Америки").
 */
export function inflections(name: string, lang: InflectLang, person = false): string[] {
  const parts = name.split(/([\s-]+)/); // words at even indices, separators at odd ones
  const words = parts.filter((_, i) => i % 2 === 0);
  if (!words.length || words.some((w) => !w)) return [];
  const cases = words.map((w, k) => wordCases(w, lang, k < words.length - 1, person, k === words.length - 1));
  const out = new Set<string>();
  const readings = words.length === 1 ? [1] : words.length === 2 ? [2, 1] : [words.length, 1, words.length - 1];
  for (const upto of readings) {
    for (let c = 0; c < CASES; c++) {
      let acc = [''];
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) {
        // An undeclined word (Марокко, НАТО) keeps its form in every case.
        const forms = k < upto && cases[k]![c]!.length ? cases[k]![c]! : [words[k]!];
        const sep = k > 0 ? parts[2 * k - 1]! : '';
        const next: string[] = [];
        for (const a of acc) for (const f of forms) next.push(a + sep + f);
        acc = next.slice(0, MAX_FORMS);
      }
      for (const f of acc) if (f !== name) out.add(f);
    }
  }
  return [...out].slice(0, MAX_FORMS);
}

/** The language of a Cyrillic name by its letters (і ї є ґ: Ukrainian; ы э ъ ё: Russian), or both when it cannot tell. */
export function cyrillicLangs(name: string): InflectLang[] {
  let cyrillic = false;
  for (let i = 0; i < name.length && !cyrillic; i++) cyrillic = name.charCodeAt(i) >= 0x400 && name.charCodeAt(i) <= 0x4ff;
  if (!cyrillic) return [];
  if (/[іїєґІЇЄҐ]/.test(name)) return ['uk'];
  if (/[ыэъёЫЭЪЁ]/.test(name)) return ['ru'];
  return ['ru', 'uk'];
}
