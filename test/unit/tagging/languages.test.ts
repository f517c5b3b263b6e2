// Country and capital names in the languages of the news, found with exact offsets in scripts with
// and without spaces and case (shared/tagging/caseless.ts, matcher.ts, the builder's translations).
import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';
import type { Tag } from '../../../shared/model';

/** Every tag of a text by id. */
function tags(text: string): Map<string, Tag> {
  const r = tagText({ text });
  return new Map([...r.regions, ...r.actors].map((t) => [t.id, t]));
}

/** Asserts that `id` is tagged at exactly the first occurrence of `word` (and that the offsets index the text). */
function expectAt(text: string, id: string, word: string, from = 0): void {
  const t = tags(text).get(id);
  expect(t, `${id} in ${text}`).toBeDefined();
  const start = text.indexOf(word, from);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(t!.mentions).toContainEqual({ text: word, start, end: start + word.length });
  for (const m of t!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
}

describe('country names in the languages of the news', () => {
  const sentences: [lang: string, text: string, id: string, word: string][] = [
    ['French', "La Russie a lancé une offensive contre l'Ukraine, selon Kiev.", 'RU', 'Russie'],
    ['German', 'Die Türkei und Deutschland verhandeln über Flüchtlinge.', 'TR', 'Türkei'],
    ['Spanish', 'El Gobierno de Rusia negó las acusaciones de Ucrania.', 'UA', 'Ucrania'],
    ['Italian', 'La Cina ha condannato le sanzioni imposte dagli Stati Uniti.', 'CN', 'Cina'],
    ['Portuguese', 'A Rússia e o Irão assinaram um acordo de cooperação.', 'RU', 'Rússia'],
    ['Polish', 'Polska i Litwa wzmacniają granicę z Białorusią.', 'LT', 'Litwa'],
    ['Turkish', "Rusya'nın Suriye'deki üssü için Türkiye ile görüşmeler sürüyor.", 'SY', 'Suriye'],
    ['Arabic', 'قالت وزارة الخارجية إن روسيا ستواصل دعم سوريا.', 'SY', 'سوريا'],
    ['Persian', 'وزیر خارجه ایران گفت روسیه شریک راهبردی است.', 'IR', 'ایران'],
    ['Russian', 'Министр иностранных дел Украина отверг обвинения.', 'UA', 'Украина'],
    ['Ukrainian', 'Польща передала Україні нову партію допомоги.', 'PL', 'Польща'],
    ['Chinese', '中国外交部表示，俄罗斯和乌克兰应当停火。', 'RU', '俄罗斯'],
    ['Japanese', 'ロシア軍がウクライナ東部を攻撃したと日本政府が発表した。', 'UA', 'ウクライナ'],
    ['Korean', '북한은 미국과 한국의 군사훈련을 비난했다.', 'KP', '북한'],
  ];
  for (const [lang, text, id, word] of sentences) {
    it(`finds ${id} in a ${lang} sentence at the offsets of "${word}"`, () => expectAt(text, id, word));
  }
  it('folds case and accents in Latin scripts (Türkei = Turkei, Rússia = RUSSIA)', () => {
    expectAt('Die Turkei verhandelt.', 'TR', 'Turkei');
    expectAt('A RÚSSIA RESPONDEU.', 'RU', 'RÚSSIA');
  });
  it('gives German case forms to German names only (Russlands; not Chiles from the English Chile)', () => {
    expectAt('Russlands Präsident reiste ab.', 'RU', 'Russlands');
    expect(tags('Senator Lawton Chiles spoke.').has('CL')).toBe(false);
  });
  it('leaves out translations that are English words or short plain words (French Chili, Polish Indie; German Rom)', () => {
    expect(tags('Chili prices rose in the market.').has('CL')).toBe(false);
    expect(tags('Indie bands played all night.').has('IN')).toBe(false);
    expect(tags('Rom is a band.').has('rome')).toBe(false);
  });
  it('gives Polish case forms to Polish names only: Grenadę would fold to the English Grenade', () => {
    expect(tags('A Grenade was found near the border.').has('GD')).toBe(false);
  });
});

describe('capital names in the languages of the news (CLDR exemplar cities)', () => {
  it('knows Moscow, Kyiv and Tehran in other languages', () => {
    expectAt('Le sommet aura lieu à Moscou.', 'moscow', 'Moscou');
    expectAt('会談はモスクワで行われた。', 'moscow', 'モスクワ');
    expectAt('Die Gespräche in Kiew dauerten an.', 'kyiv', 'Kiew');
    expectAt('وصل الوفد إلى طهران أمس.', 'tehran', 'طهران');
  });
});

describe('scripts without spaces (Chinese, Japanese)', () => {
  it('finds a name anywhere inside a run of characters, with exact offsets', () => {
    const text = '他说俄罗斯将继续在乌克兰东部推进。';
    expectAt(text, 'RU', '俄罗斯');
    expectAt(text, 'UA', '乌克兰');
  });
  it('finds a name right after digits and inside a word run (2024年中国)', () => {
    expectAt('2024年中国经济增长放缓。', 'CN', '中国');
  });
  it('prefers the longest name at a position (印度尼西亚 is Indonesia, not India)', () => {
    const t = tags('印度尼西亚总统访问了日本。');
    expect(t.has('ID')).toBe(true);
    expect(t.has('IN')).toBe(false);
  });
  it('finds several names in one title', () => {
    const r = tagText({ title: '美国与中国举行会谈', text: '' });
    expect(r.regions.map((t) => t.id)).toEqual(expect.arrayContaining(['US', 'CN']));
    expect(r.regions.find((t) => t.id === 'CN')!.mentions[0]).toEqual({ text: '中国', start: 3, end: 5, field: 'title' });
  });
});

describe('Korean particles', () => {
  for (const [word, name, id] of [['한국은', '한국', 'KR'], ['러시아가', '러시아', 'RU'], ['미국의', '미국', 'US'], ['우크라이나에서', '우크라이나', 'UA'], ['일본과', '일본', 'JP'], ['러시아군', '러시아', 'RU']] as const) {
    it(`reads ${word} as ${name} (${id}), the mention ending before the particle`, () => {
      const text = `오늘 ${word} 발표했다.`;
      expectAt(text, id, name);
    });
  }
  it('does not read a longer word as a name plus a particle it is not (이란 + 이 = 이란이, Iran)', () => {
    expectAt('이란이 핵협상을 거부했다.', 'IR', '이란');
  });
});

describe('Arabic-script clitics', () => {
  for (const [word, name, id] of [['وروسيا', 'روسيا', 'RU'], ['بإيران', 'إيران', 'IR'], ['والعراق', 'العراق', 'IQ'], ['لروسيا', 'روسيا', 'RU']] as const) {
    it(`reads ${word} as ${name} (${id}), the mention starting after the clitic`, () => expectAt(`قال المتحدث ${word} اليوم`, id, name));
  }
  it('knows the li- form of al- names (للعراق)', () => expectAt('زيارة للعراق الأسبوع المقبل', 'IQ', 'للعراق'));
  it('matches Persian text typed with Arabic letters (ي for ی) and without hamza', () => {
    expectAt('ايران و روسيه', 'IR', 'ايران');
    expectAt('قالت اوكرانيا', 'UA', 'اوكرانيا');
  });
});
