// Case forms of Russian, Ukrainian, Polish and German names (shared/tagging/inflect.ts), first as the
// generator gives them, then as the tagger finds them in sentences, with exact offsets.
import { describe, expect, it } from 'vitest';
import { cyrillicLangs, inflections } from '../../../shared/tagging/inflect';
import { tagText } from '../../../shared/tagging';
import type { Tag } from '../../../shared/model';

function tagged(text: string): Map<string, Tag> {
  const r = tagText({ text });
  return new Map([...r.regions, ...r.actors].map((t) => [t.id, t]));
}

/** Asserts that `id` is tagged with a mention of exactly `word` at its first occurrence. */
function expectAt(text: string, id: string, word: string): void {
  const t = tagged(text).get(id);
  expect(t, `${id} in ${text}`).toBeDefined();
  const start = text.indexOf(word);
  expect(t!.mentions).toContainEqual({ text: word, start, end: start + word.length });
}

describe('inflections', () => {
  it('declines Russian nouns in -ия, -а and consonants', () => {
    expect(inflections('Россия', 'ru')).toEqual(expect.arrayContaining(['России', 'Россию', 'Россией']));
    expect(inflections('Москва', 'ru')).toEqual(expect.arrayContaining(['Москвы', 'Москве', 'Москву', 'Москвой', 'Москвою']));
    expect(inflections('Киев', 'ru')).toEqual(expect.arrayContaining(['Киева', 'Киеву', 'Киевом', 'Киеве']));
    expect(inflections('Америка', 'ru')).toContain('Америки');
  });
  it('declines Russian adjective + noun names word by word in the same case', () => {
    expect(inflections('Донецкая область', 'ru')).toEqual(expect.arrayContaining(['Донецкой области', 'Донецкую область', 'Донецкой областью']));
    expect(inflections('Соединённые Штаты Америки', 'ru')).toEqual(expect.arrayContaining(['Соединённых Штатов Америки', 'Соединённым Штатам Америки']));
  });
  it('declines Russian and Ukrainian surnames with their own instrumental (Путиным, Путіним; Зеленского)', () => {
    expect(inflections('Путин', 'ru', true)).toEqual(expect.arrayContaining(['Путина', 'Путину', 'Путиным', 'Путине']));
    expect(inflections('Путін', 'uk', true)).toEqual(expect.arrayContaining(['Путіна', 'Путіним']));
    expect(inflections('Зеленский', 'ru', true)).toEqual(expect.arrayContaining(['Зеленского', 'Зеленскому', 'Зеленским']));
  });
  it('declines Ukrainian names, with the і → о and ї → є of -ів town names', () => {
    expect(inflections('Росія', 'uk')).toEqual(expect.arrayContaining(['Росії', 'Росію', 'Росією']));
    expect(inflections('Україна', 'uk')).toEqual(expect.arrayContaining(['України', 'Україні', 'Україну', 'Україною']));
    expect(inflections('Київ', 'uk')).toEqual(expect.arrayContaining(['Києва', 'Києву', 'Києві', 'Києвом']));
    expect(inflections('Харків', 'uk')).toEqual(expect.arrayContaining(['Харкова', 'Харкові']));
    expect(inflections('Донеччина', 'uk')).toContain('Донеччині');
    expect(inflections('Луганщина', 'uk')).toContain('Луганщині');
    expect(inflections('Донецька область', 'uk')).toEqual(expect.arrayContaining(['Донецької області', 'Донецькій області', 'Донецькою областю']));
    expect(inflections('Донецьк', 'uk')).toEqual(expect.arrayContaining(['Донецька', 'Донецьку']));
    expect(inflections('Америка', 'uk')).toContain('Америці'); // к → ц before -і
    expect(inflections('Запоріжжя', 'uk')).toEqual(expect.arrayContaining(['Запоріжжю', 'Запоріжжям', 'Запоріжжі']));
  });
  it('declines Polish names by general suffix rules (Niemcy → Niemiec, Niemczech; Ukraina → Ukrainie)', () => {
    expect(inflections('Niemcy', 'pl')).toEqual(expect.arrayContaining(['Niemiec', 'Niemcom', 'Niemcami', 'Niemczech']));
    expect(inflections('Węgry', 'pl')).toEqual(expect.arrayContaining(['Węgier', 'Węgrzech']));
    expect(inflections('Włochy', 'pl')).toEqual(expect.arrayContaining(['Włoch', 'Włoszech']));
    expect(inflections('Rosja', 'pl')).toEqual(expect.arrayContaining(['Rosji', 'Rosję', 'Rosją']));
    expect(inflections('Ukraina', 'pl')).toEqual(expect.arrayContaining(['Ukrainy', 'Ukrainie', 'Ukrainę', 'Ukrainą']));
    expect(inflections('Polska', 'pl')).toEqual(expect.arrayContaining(['Polski', 'Polsce']));
    expect(inflections('Kijów', 'pl')).toEqual(expect.arrayContaining(['Kijowa', 'Kijowie']));
    expect(inflections('Egipt', 'pl')).toContain('Egipcie');
    expect(inflections('Stany Zjednoczone', 'pl')).toEqual(expect.arrayContaining(['Stanów Zjednoczonych', 'Stanach Zjednoczonych']));
    expect(inflections('Wielka Brytania', 'pl')).toContain('Wielkiej Brytanii');
  });
  it('gives the German genitive', () => {
    expect(inflections('Russland', 'de')).toEqual(['Russlands']);
    expect(inflections('Moskau', 'de')).toEqual(['Moskaus']);
  });
  it('leaves acronyms and undeclined loanwords alone (НАТО, США, Марокко)', () => {
    expect(inflections('НАТО', 'ru')).toEqual([]);
    expect(inflections('США', 'uk')).toEqual([]);
    expect(inflections('Марокко', 'ru')).toEqual([]);
  });
  it('gives names that share a stem different forms (Иран / Ирак, Нігер / Нігерія)', () => {
    const iran = new Set(inflections('Иран', 'ru'));
    for (const f of inflections('Ирак', 'ru')) expect(iran.has(f)).toBe(false);
    const niger = new Set(inflections('Нігер', 'uk'));
    for (const f of inflections('Нігерія', 'uk')) expect(niger.has(f)).toBe(false);
  });
  it('tells Ukrainian and Russian by their letters', () => {
    expect(cyrillicLangs('Київ')).toEqual(['uk']);
    expect(cyrillicLangs('Чёрное море')).toEqual(['ru']);
    expect(cyrillicLangs('Донецк')).toEqual(['ru', 'uk']);
    expect(cyrillicLangs('Kyiv')).toEqual([]);
  });
});

describe('inflected names in text', () => {
  const cases: [text: string, id: string, word: string][] = [
    ['Бої тривають на Донеччині.', 'donetsk-oblast', 'Донеччині'],
    ['Обстріли на Луганщині посилилися.', 'luhansk-oblast', 'Луганщині'],
    ['Ситуація в Донецькій області погіршилася.', 'donetsk-oblast', 'Донецькій області'],
    ['Війська Донецька відступили.', 'donetsk-oblast', 'Донецька'],
    ['У Києві пролунали вибухи.', 'kyiv', 'Києві'],
    ['Переговоры с Москвою зашли в тупик.', 'moscow', 'Москвою'],
    ['Санкції проти Росії посилено.', 'RU', 'Росії'],
    ['Президент України виступив.', 'UA', 'України'],
    ['Украина и НАТО провели встречу.', 'nato', 'НАТО'],
    ['Сотрудничество с Германией продолжится.', 'DE', 'Германией'],
    ['Делегация прибыла в Киев из Пекина.', 'beijing', 'Пекина'],
    ['Zełenski rozmawiał o Niemczech i Rosji.', 'DE', 'Niemczech'],
    ['Szczyt odbędzie się w Ukrainie.', 'UA', 'Ukrainie'],
    ['Ambasador Niemiec przybył.', 'DE', 'Niemiec'],
    ['Russlands Regierung schwieg.', 'RU', 'Russlands'],
  ];
  for (const [text, id, word] of cases) it(`tags "${word}" as ${id}`, () => expectAt(text, id, word));

  it('finds a Polish form whose key is plain ASCII in a text without any accented letter (Rosji)', () => {
    expectAt('Sankcje wobec Rosji', 'RU', 'Rosji');
  });
  it('finds Polish forms typed without their diacritics (Rosje for Rosję)', () => {
    expectAt('Zełenski odwiedził Rosje', 'RU', 'Rosje');
  });
  it('reads the adjective российский (lower case) as no tag: the name, not the adjective, is evidence', () => {
    const t = tagged('российские войска отошли');
    expect(t.has('RU')).toBe(false);
  });
  it('does not take Австралии for Австрия or Ирака for Иран', () => {
    const a = tagged('Премьер Австралии и министр Ирака.');
    expect(a.has('AU')).toBe(true);
    expect(a.has('AT')).toBe(false);
    expect(a.has('IQ')).toBe(true);
    expect(a.has('IR')).toBe(false);
  });
});
