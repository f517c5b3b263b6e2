import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTagEntry, resolveTag, suggestTags, tagText } from '../../../shared/tagging';
import { buildGazetteer, encodeEntry, OUTPUT, serialise, type BuiltEntry } from '../../../scripts/build-gazetteer';
import { allEntries, dataFileIndex, gazetteer, GazetteerMissingError, gazetteerPath, TownIndex, withTownIndex } from '../../../shared/tagging/gazetteer';
import { FIRST_BITS, hashKey, KIND_CODES, MULTI_BITS, tokenKey, tokens } from '../../../shared/tagging/chars';

describe('resolveTag', () => {
  it('resolves names, aliases, ISO codes and ids', () => {
    expect(resolveTag('NATO')?.id).toBe('nato');
    expect(resolveTag('RU')?.id).toBe('RU');
    expect(resolveTag('ru')?.id).toBe('RU');
    expect(resolveTag('Black Sea')?.id).toBe('black-sea');
    expect(resolveTag('the Black Sea')?.id).toBe('black-sea');
    expect(resolveTag('Kiev')?.id).toBe('kyiv');
    expect(resolveTag('donetsk-oblast')?.name).toBe('Donetsk Oblast');
    expect(resolveTag('United Nations')?.id).toBe('un');
    expect(resolveTag('Türkiye')?.id).toBe('TR');
    expect(resolveTag('Turkey')?.id).toBe('TR');
  });
  it('resolves an ambiguous name to its default reading', () => {
    expect(resolveTag('Georgia')?.id).toBe('GE');
  });
  it('resolves nothing for an unknown name', () => {
    expect(resolveTag('Narnia')).toBeUndefined();
    expect(resolveTag('  ')).toBeUndefined();
  });
});

describe('suggestTags', () => {
  it('suggests near names for a misspelling', () => {
    expect(suggestTags('Ukrane')).toContain('Ukraine');
    expect(suggestTags('Abkhasia')).toContain('Abkhazia');
  });
  it('keeps to the nearest names when one is a single edit away', () => {
    const near = suggestTags('Rusia');
    expect(near[0]).toBe('Russia'); // a country before a county of Kenya (Busia) at the same distance
    expect(near.every((n) => ['Russia', 'Busia'].includes(n))).toBe(true);
  });
  it('suggests nothing for a string far from every name', () => {
    expect(suggestTags('Qzxwvtplk')).toEqual([]);
  });
  it('respects the limit', () => {
    expect(suggestTags('Guinea', 2).length).toBeLessThanOrEqual(2);
  });
});

describe('getTagEntry', () => {
  it('returns the entry with its kind, country, parents and Wikidata id', () => {
    expect(getTagEntry('abkhazia')).toMatchObject({ kind: 'region', country: 'GE', wikidata: 'Q23334' });
    expect(getTagEntry('UA')).toMatchObject({ kind: 'country', parents: expect.arrayContaining(['eastern-europe']) });
    expect(getTagEntry('nope')).toBeUndefined();
  });
});

describe('the generated gazetteer', { timeout: 120_000 }, () => {
  let builtOnce: ReturnType<typeof buildGazetteer> | undefined;
  const built = () => (builtOnce ??= buildGazetteer());
  it('is up to date with its sources (run npm run build:gazetteer after editing shared/tagging/data)', () => {
    // The text, then the town index the builder precomputes from it: both must be what a build makes now.
    expect(fs.readFileSync(OUTPUT).equals(withTownIndex(Buffer.from(serialise(built()))))).toBe(true);
  });
  it('has unique ids and parents that exist', () => {
    const g = built();
    const ids = new Set(g.entries.map((e) => e.id));
    expect(ids.size).toBe(g.entries.length);
    // Collected, then checked once: 140,000 entries one expect each would take longer than the check.
    const bad: string[] = [];
    for (const e of g.entries) {
      for (const p of e.parents) if (!ids.has(p)) bad.push(`${e.id} → ${p}`);
      for (const r of e.roles) if (!ids.has(r[0])) bad.push(`${e.id} → ${r[0]}`);
      if (getTagEntry(e.id)?.name !== e.name) bad.push(`${e.id} does not load back`);
    }
    expect(bad).toEqual([]);
  });
  it('loads back exactly the entries the builder made, in order (defaults left out of the file are restored)', () => {
    const kinds = Object.fromEntries(Object.entries(KIND_CODES).map(([k, c]) => [c, k]));
    const entries = built().entries;
    const loaded = allEntries();
    expect(loaded).toHaveLength(entries.length);
    entries.forEach((b, i) => {
      const ie = loaded[i]!;
      const round = (x: number) => Number(x.toFixed(2)) + 0; // + 0: the file has no negative zero
      const entry = {
        id: b.id, name: b.name, kind: kinds[b.kind], parents: b.parents, aliases: b.aliases, ...(b.country ? { country: b.country } : {}), ...(b.wikidata ? { wikidata: b.wikidata } : {}),
        ...(Number.isNaN(b.lat) ? {} : { lat: round(b.lat), lon: round(b.lon) }),
      };
      const roles = b.roles.map(([of, role, from, to]) => ({ of, role, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
      const got = { index: ie.index, entry: ie.entry, demonyms: ie.demonyms, roles: ie.roles, pop: ie.pop, minor: ie.minor, common: ie.common };
      const want = { index: i, entry, demonyms: b.demonyms, roles, pop: b.pop, minor: b.minor, common: b.common };
      // Compared as JSON first (fast), in full only where that differs, for the message.
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, b.id).toStrictEqual(want);
    });
  });
  it('holds every town of the package, each with coordinates and linked to its subdivision where GeoNames gives one', () => {
    const g = gazetteer();
    const cities = allEntries().filter((e) => e.entry.kind === 'city' && e.minor);
    expect(cities.length).toBeGreaterThan(130_000);
    expect(cities.every((e) => typeof e.entry.lat === 'number' && typeof e.entry.lon === 'number')).toBe(true);
    expect(g.byId.get('pokrovsk')?.entry.parents).toEqual(['donetsk-oblast']);
    expect(g.byId.get('truro')?.entry).toMatchObject({ country: 'GB', parents: ['england'] });
    expect(g.byId.get('gb-con')?.entry).toMatchObject({ name: 'Cornwall', kind: 'region', country: 'GB' });
  });
  it('gives the curated places of the conflicts it watches coordinates, and links front-line towns to the curated oblasts', () => {
    const g = gazetteer();
    // Contested areas no package places take their seat's point; oblasts the package names as adjectives ("Kharkivska") are matched.
    for (const id of ['abkhazia', 'south-ossetia', 'transnistria', 'nagorno-karabakh', 'west-bank', 'golan-heights', 'kharkiv-oblast', 'lviv-oblast', 'kherson-oblast', 'chernivtsi-oblast', 'avdiivka', 'kramatorsk', 'severodonetsk'])
      expect(typeof g.byId.get(id)?.entry.lat, id).toBe('number');
    const ua = allEntries().filter((e) => e.entry.country === 'UA' && (e.entry.kind === 'region' || e.entry.kind === 'city') && !e.entry.id.startsWith('ua-'));
    expect(ua.filter((e) => e.entry.lat === undefined).map((e) => e.entry.id)).toEqual([]);
    // No package duplicate of a curated oblast is left for towns to link to.
    expect(allEntries().filter((e) => e.entry.id.startsWith('ua-') && e.entry.kind === 'region').map((e) => e.entry.id)).toEqual([]);
    // GeoNames' "Kupjansk" under its oblast, found by the spelling the news uses.
    expect(g.byId.get('kupjansk')?.entry.parents).toEqual(['kharkiv-oblast']);
    const war = tagText({ text: 'Russian forces attacked Kupiansk, Izium, Sloviansk and Lysychansk in Ukraine.' }).regions;
    expect(war.filter((t) => t.mentions.length && t.kind === 'city').map((t) => [t.mentions[0]!.text, t.parents![0]])).toEqual([
      ['Kupiansk', 'kharkiv-oblast'], ['Izium', 'kharkiv-oblast'], ['Sloviansk', 'donetsk-oblast'], ['Lysychansk', 'luhansk-oblast'],
    ]);
    // A curated city no longer answers for its neighbours: Sloviansk and Irpin are towns of their own.
    expect(g.byId.get('sloviansk')?.entry).toMatchObject({ kind: 'city', parents: ['donetsk-oblast'] });
    expect(g.byId.get('irpin')?.entry).toMatchObject({ kind: 'city', parents: ['kyiv-oblast'] });
  });
  it('is one compact file kept out of the JavaScript bundles (7 MB of text with GeoNames\' spellings and a 3.9 MB town index: under 12 MB)', () => {
    expect(fs.statSync(OUTPUT).size).toBeLessThan(12 * 1024 * 1024);
  });
});

describe('encodeEntry', () => {
  const city: BuiltEntry = { id: 'yantai', name: 'Yantai', kind: 'y', country: 'CN', wikidata: '', parents: ['CN'], aliases: ['Yantai'], demonyms: [], roles: [], lat: NaN, lon: NaN, pop: 0, minor: false, common: false };
  it('leaves out what the loader derives: the city kind, the slug id, the country as parent, the name as only alias, empty fields at the end', () => {
    expect(encodeEntry(city)).toBe('Yantai|CN');
  });
  it('writes coordinates with two decimals, population in thousands, and the flags of a place that needs support', () => {
    expect(encodeEntry({ ...city, lat: 37.46361, lon: 121.44806, pop: 1800, minor: true, common: true })).toBe('Yantai|CN||37.46,121.45|1800|mw');
  });
  it('writes an id made of the slug and the country as +', () => {
    expect(encodeEntry({ ...city, id: 'yantai-cn' })).toBe('Yantai|CN|||||+');
  });
  it('writes the name inside an alias list as an empty item, and no aliases as ~', () => {
    expect(encodeEntry({ ...city, aliases: ['Yantai', 'Chefoo'] })).toBe('Yantai|CN||||||||^Chefoo');
    expect(encodeEntry({ ...city, id: 'vatican', name: 'Vatican', country: 'VA', parents: ['VA'], aliases: [] })).toBe('Vatican|VA||||||||~');
  });
  it('keeps a country that is its own entry without parents, and writes roles as of,role,from,to', () => {
    expect(encodeEntry({ ...city, id: 'XK', name: 'Kosovo', kind: 'c', country: 'XK', parents: [], aliases: ['Kosovo'] })).toBe('Kosovo|XK|c||||XK');
    const person = { ...city, id: 'jane-doe', name: 'Jane Doe', kind: 'p', country: '', parents: [], aliases: ['Jane Doe'], roles: [['UA', 'President', '2019-05-20', ''] as [string, string, string, string]] };
    expect(encodeEntry(person)).toBe('Jane Doe||p|||||||||UA,President,2019-05-20,');
  });
  it('writes the case forms of the aliases, worked out at build: = for a key of plain ASCII, : for one beyond', () => {
    const ru = { ...city, id: 'RU', name: 'Russia', kind: 'c', country: 'RU', parents: [], aliases: ['Russia', 'Россия', 'Rosja'], inflect: [[2, 'pl']] as [number, string][] };
    const line = encodeEntry(ru);
    const forms = line.split('|')[13]!.split('^');
    expect(forms).toEqual(expect.arrayContaining(['1:России', '1:Россию', '2=Rosji', '2=Rosję']));
    expect(forms.every((f) => /^[12][=:]/.test(f))).toBe(true); // none for the English name
    expect(forms.indexOf('1:России')).toBeLessThan(forms.indexOf('2=Rosji')); // alias by alias
    expect(new Set(forms).size).toBe(forms.length);
    expect(encodeEntry({ ...city, aliases: ['Yantai', 'НАТО'] })).toBe('Yantai|CN||||||||^НАТО'); // an acronym is not declined
  });
  it('refuses a value that holds a separator character', () => {
    expect(() => encodeEntry({ ...city, aliases: ['Yantai', 'Yan|tai'] })).toThrow(/yantai: alias "Yan\|tai" holds a separator/);
    expect(() => encodeEntry({ ...city, roles: [['CN', 'Mayor, acting', '', '']] })).toThrow(/role "Mayor, acting"/);
  });
});

describe('the gazetteer data file', () => {
  it('is found through NEWS_MONITOR_GAZETTEER when set, and a missing one is a clear error naming where it looked', () => {
    const saved = process.env.NEWS_MONITOR_GAZETTEER;
    try {
      process.env.NEWS_MONITOR_GAZETTEER = OUTPUT;
      expect(gazetteerPath()).toBe(OUTPUT);
      process.env.NEWS_MONITOR_GAZETTEER = '/nonexistent/gazetteer.generated.txt';
      expect(() => gazetteerPath()).toThrow(GazetteerMissingError);
      expect(() => gazetteerPath()).toThrow(/not found \(tried \/nonexistent\/gazetteer\.generated\.txt; set NEWS_MONITOR_GAZETTEER/);
    } finally {
      if (saved === undefined) delete process.env.NEWS_MONITOR_GAZETTEER;
      else process.env.NEWS_MONITOR_GAZETTEER = saved;
    }
  });
  it('is found in the source tree without any setting', () => {
    const saved = process.env.NEWS_MONITOR_GAZETTEER;
    delete process.env.NEWS_MONITOR_GAZETTEER;
    try {
      expect(gazetteerPath()).toBe(OUTPUT);
    } finally {
      if (saved !== undefined) process.env.NEWS_MONITOR_GAZETTEER = saved;
    }
  });
});

describe('the town index precomputed into the data file', () => {
  it('is the index the loader works out from the text alone, and a file of text alone is indexed from its text', () => {
    const file = fs.readFileSync(OUTPUT);
    const textEnd = file.readUInt32LE(file.length - 16);
    const text = file.subarray(0, textEnd);
    expect(text.toString('utf8', 0, 12)).toBe('# GENERATED ');
    const fromText = dataFileIndex(text);
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Buffer.from(new Uint8Array((a as Int32Array).buffer)).equals(Buffer.from(new Uint8Array((b as Int32Array).buffer)));
    const check = (got: ReturnType<typeof dataFileIndex>) => {
      expect(got.starts.length).toBe(allEntries().length + 1);
      expect(same(got.starts, fromText.starts) && same(got.others, fromText.others)).toBe(true);
      for (const k of ['line', 'hash', 'first', 'alias', 'words', 'prefixes'] as const) expect(same(got.names[k], fromText.names[k]), k).toBe(true);
      expect(got.names.maxTokens).toBe(fromText.names.maxTokens);
    };
    const precomputed = dataFileIndex(file);
    expect([precomputed.precomputed, fromText.precomputed]).toEqual([true, false]);
    check(precomputed);
    expect(fromText.names.line.length).toBeGreaterThan(130_000);
  });
});

describe('the town index (names hashed in place at load, no string kept)', () => {
  const nameKey = (s: string) => tokens(s).map(tokenKey).join(' ');
  it('finds every town by the key of each of its names, in the data file order, with the word counts the scan relies on', () => {
    const g = gazetteer();
    const towns = allEntries().filter((e) => e.entry.kind === 'city' && e.minor);
    const bad: string[] = [];
    const bit = (bits: Uint8Array, h: number) => (bits[h >> 3]! >> (h & 7)) & 1;
    for (const ie of towns) {
      for (const alias of ie.entry.aliases) {
        const key = nameKey(alias);
        if (!key) continue;
        const hit = g.towns.get(key);
        if (!hit?.includes(ie.index)) bad.push(`${ie.entry.id}: ${key} → ${JSON.stringify(hit)}`);
        else if (hit.some((x, i) => i > 0 && x < hit[i - 1]!)) bad.push(`${key}: not in file order ${JSON.stringify(hit)}`);
        const words = key.split(' ');
        const first = hashKey(words[0]!);
        if (g.towns.mostWords(first) < words.length) bad.push(`${key}: mostWords ${g.towns.mostWords(first)}`);
        if (!bit(g.towns.firstBits, first & (FIRST_BITS - 1))) bad.push(`${key}: first word not in the bit set`);
        if (words.length > 1 && !bit(g.towns.multiWord, hashKey(key) & (MULTI_BITS - 1))) bad.push(`${key}: not in the bit set of names of several words`);
        // Every proper prefix of two words or more is marked, or the scan would stop before the name ends.
        for (let w = 2; w < words.length; w++) if (!bit(g.towns.prefixes, hashKey(words.slice(0, w).join(' ')) & (MULTI_BITS - 1))) bad.push(`${key}: prefix of ${w} words not in the bit set`);
        if (words.length === 1) {
          const o = g.towns.oneWordKeys(hashKey(key));
          if (!(o === key || (Array.isArray(o) && o.includes(key)))) bad.push(`${key}: one-word keys ${JSON.stringify(o)}`);
        }
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it('answers nothing for a name no town has', () => {
    const g = gazetteer();
    expect(g.towns.get('qzxwvtplk')).toBeUndefined();
    expect(g.towns.mostWords(hashKey('qzxwvtplk'))).toBe(0);
    expect(g.towns.oneWordKeys(hashKey('qzxwvtplk'))).toBeUndefined();
    expect(g.towns.get('truro')).toContain(g.byId.get('truro')!.index);
  });
  it('keeps every name when it outgrows the room it was made with', () => {
    const names = ['Santa Rosa', 'Santa Cruz', 'Springfield', 'Springfield', 'Mühlhausen', 'Nova Kakhovka', ...Array.from({ length: 300 }, (_, i) => `Town${i} Upon Hill`)];
    const lines = { line: (i: number) => `${names[i]}|XX||1,2|3|m` };
    const index = new TownIndex(lines, 4);
    names.forEach((n, i) => {
      const key = nameKey(n);
      const words = key.split(' ');
      index.add(hashKey(key), hashKey(words[0]!), words.length, i, -1);
    });
    expect(index.get('springfield')).toEqual([2, 3]);
    expect(index.get('muhlhausen')).toEqual([4]);
    expect(index.get('town299 upon hill')).toEqual([305]);
    expect(index.mostWords(hashKey('santa'))).toBe(2);
    expect(index.mostWords(hashKey('town7'))).toBe(3);
    expect(index.oneWordKeys(hashKey('springfield'))).toBe('springfield');
    expect(index.keys().size).toBe(names.length - 1);
  });
});
