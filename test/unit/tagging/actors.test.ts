// Actors named through something else: capitals for governments, armed groups and state companies
// with their countries (shared/tagging/actors.ts, data/armed-groups.json, data/companies.json).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/tagging/data');
const entries = (file: string) => (JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as { entries: { id: string; name: string; country?: string; shortAliases?: string[] }[] }).entries;

const actor = (text: string, id: string, title?: string) => tagText({ text, ...(title ? { title } : {}) }).actors.find((t) => t.id === id);
const region = (text: string, id: string) => tagText({ text }).regions.find((t) => t.id === id);

describe('capitals for governments', () => {
  it('reads "Moscow warned" as Russia acting, the mention on the capital', () => {
    const text = 'Moscow warned on Monday that it would respond to any strike.';
    expect(actor(text, 'RU')?.mentions).toEqual([{ text: 'Moscow', start: 0, end: 6 }]);
    expect(region(text, 'moscow')).toBeDefined(); // still the place named
  });
  it('reads "Tehran said", "Beijing accused", "Kyiv has repeatedly warned" the same way', () => {
    expect(actor('Tehran said the talks had failed.', 'IR')).toBeDefined();
    expect(actor('Officials in Tokyo reacted after Beijing accused Manila of provocation.', 'CN')).toBeDefined();
    expect(actor('Kyiv has repeatedly warned of an offensive.', 'UA')).toBeDefined();
  });
  it('works in headline case and in other languages (Москва заявила)', () => {
    expect(actor('', 'RU', 'Moscow Warns Kyiv Over Drone Strikes')).toBeDefined();
    expect(actor('Москва заявила о новых санкциях.', 'RU')?.mentions[0]).toEqual({ text: 'Москва', start: 0, end: 6 });
  });
  it('leaves a capital named as a place as the place only ("in Moscow", "Moscow Mule", "Moscow\'s metro")', () => {
    for (const text of ['Protesters gathered in Moscow on Sunday.', 'He ordered a Moscow Mule at the bar.', "Moscow's metro was closed."]) {
      expect(actor(text, 'RU'), text).toBeUndefined();
      expect(region(text, 'moscow'), text).toBeDefined();
    }
  });
  it('does not read a city that is not a capital as a government ("Istanbul said" is not Turkey acting)', () => {
    expect(actor('Istanbul said the bridge would reopen.', 'TR')).toBeUndefined();
  });
});

describe('armed groups', () => {
  for (const e of entries('armed-groups.json')) {
    it(`tags ${e.name} as an armed group${e.country ? ` of ${e.country}` : ''}`, () => {
      const text = `Fighting continued on Tuesday as ${e.name} pressed its attack.`;
      const t = actor(text, e.id);
      expect(t).toMatchObject({ kind: 'armed-group', ...(e.country ? { country: e.country } : {}) });
      const start = text.indexOf(e.name);
      expect(t!.mentions[0]).toEqual({ text: e.name, start, end: start + e.name.length });
    });
  }
  it('finds the groups of current conflicts by their everyday names', () => {
    const text = 'The Rapid Support Forces, M23, al-Shabaab, Boko Haram, JNIM, the Africa Corps, Wagner mercenaries, HTS, the SDF, the PKK, the Houthis, Hezbollah, Hamas and ISIS were named in the report.';
    const ids = tagText({ text }).actors.map((t) => t.id);
    // HTS and SDF are short names and no full name is given: they do not count.
    expect(ids).toEqual(expect.arrayContaining(['rapid-support-forces', 'm23', 'al-shabaab', 'boko-haram', 'jnim', 'africa-corps', 'wagner-group', 'pkk', 'houthis', 'hezbollah', 'hamas', 'islamic-state']));
    expect(ids).not.toContain('hts');
    expect(ids).not.toContain('sdf');
  });
  it('counts a short name (RSF, SDF, HTS, IS) only where the article names the group in full', () => {
    expect(actor('The RSF said two journalists were detained.', 'rapid-support-forces')).toBeUndefined();
    const t = actor('The Rapid Support Forces (RSF) attacked El Fasher. The RSF denied it.', 'rapid-support-forces');
    expect(t?.mentions.map((m) => m.text)).toEqual(['Rapid Support Forces', 'RSF', 'RSF']);
    expect(actor("Japan's SDF joined the drill.", 'sdf')).toBeUndefined();
    expect(actor('The Syrian Democratic Forces said the SDF would hold Raqqa.', 'sdf')?.mentions).toHaveLength(2);
  });
  it('does not read a short name inside an upper-case headline ("THE ECONOMY IS WEAK")', () => {
    const t = actor('THE ECONOMY IS WEAK. Islamic State fighters attacked; IS claimed it.', 'islamic-state');
    expect(t?.mentions.map((m) => m.text)).toEqual(['Islamic State', 'IS']);
  });
  it('rolls an affiliate up to its network and a state force up to its state, but not a rebel group to its country', () => {
    expect(actor('ISWAP fighters raided a base.', 'islamic-state')).toBeDefined();
    expect(actor('JNIM claimed the ambush.', 'al-qaeda')).toBeDefined();
    expect(actor('The Africa Corps arrived in Bamako.', 'RU')).toBeDefined();
    expect(actor('The Houthis fired a missile.', 'YE')).toBeUndefined();
  });
});

describe('state companies', () => {
  for (const e of entries('companies.json')) {
    it(`tags ${e.name} as a company of ${e.country}, acting for its state`, () => {
      const text = `Shares of ${e.name} fell after the sanctions.`;
      const t = actor(text, e.id);
      expect(t).toMatchObject({ kind: 'company', country: e.country });
      const start = text.indexOf(e.name);
      expect(t!.mentions[0]).toEqual({ text: e.name, start, end: start + e.name.length });
      expect(actor(text, e.country!), 'rolled up to the country').toBeDefined();
    });
  }
  it('finds the companies in their own languages (Газпром, Нафтогаз)', () => {
    expect(actor('Газпром сократил поставки.', 'gazprom')?.mentions[0]?.text).toBe('Газпром');
    expect(actor('Нафтогаз подав позов.', 'naftogaz')).toBeDefined();
  });
});
