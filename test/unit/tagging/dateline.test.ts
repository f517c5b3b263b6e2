// Wire datelines of every agency style (shared/tagging/dateline.ts): the place of reporting is read
// first and weighs like the title; a state or country after it qualifies it; the date never names a place.
import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';
import { readDateline } from '../../../shared/tagging/dateline';

const place = (text: string) => {
  const d = readDateline(text);
  return d && text.slice(d.place.start, d.place.end);
};
const first = (text: string) => tagText({ text }).regions[0]?.id;

describe('wire datelines', () => {
  it('reads AP style with a state abbreviation: CHARLOTTE, N.C. (AP) —', () => {
    const text = 'CHARLOTTE, N.C. (AP) — Police said the road reopened.';
    expect(place(text)).toBe('CHARLOTTE');
    expect(readDateline(text)!.qualifier!.text).toBe('N.C.');
    const r = tagText({ text });
    expect(r.regions.map((t) => t.id)).toEqual(expect.arrayContaining(['charlotte', 'us-nc', 'US']));
  });
  it('reads Reuters style with a date: KYIV, Feb 17 (Reuters) -', () => {
    expect(place('KYIV, Feb 17 (Reuters) - Shelling resumed.')).toBe('KYIV');
    expect(first('KYIV, Feb 17 (Reuters) - Shelling resumed.')).toBe('kyiv');
  });
  it('reads AFP style without a date: GAZA CITY (AFP) -, as Gaza City, not a town called City', () => {
    const r = tagText({ text: 'GAZA CITY (AFP) - Strikes hit the north.' });
    expect(r.regions[0]!.id).toBe('gaza-city');
    expect(r.regions.map((t) => t.id)).not.toContain('city');
  });
  it('reads TASS style: MOSCOW, December 2. /TASS/.', () => {
    expect(place('MOSCOW, December 2. /TASS/. The Kremlin said.')).toBe('MOSCOW');
    expect(first('MOSCOW, December 2. /TASS/. The Kremlin said.')).toBe('moscow');
  });
  it('reads a day-first date and a colon: NEW DELHI, 2 Dec (PTI):', () => {
    expect(place('NEW DELHI, 2 Dec (PTI): The minister said.')).toBe('NEW DELHI');
  });
  it('reads Xinhua style with a double dash: BEIJING, Dec. 2 (Xinhua) --', () => {
    expect(place('BEIJING, Dec. 2 (Xinhua) -- China said.')).toBe('BEIJING');
  });
  it('reads mixed case with an agency in brackets: Kyiv, 2 December (Interfax-Ukraine) –', () => {
    expect(place('Kyiv, 2 December (Interfax-Ukraine) – The Rada voted.')).toBe('Kyiv');
  });
  it('reads newspaper style with a state: ASHEVILLE, N.C. — ', () => {
    const r = tagText({ text: 'ASHEVILLE, N.C. — Flooding closed the roads.' });
    expect(r.regions.map((t) => t.id)).toEqual(expect.arrayContaining(['asheville', 'us-nc']));
  });
  it('lets the qualifier pick the town: TRURO, England (AP) — is Cornwall\'s Truro, not Nova Scotia\'s', () => {
    const r = tagText({ text: 'TRURO, England (AP) — Fog closed the port.' });
    expect(r.regions.map((t) => t.id)).toContain('truro');
    expect(r.regions.map((t) => t.id)).not.toContain('truro-ca');
  });
  it('reads the state abbreviation, not a town it spells: PORTLAND, Ore., Feb 26 -', () => {
    const r = tagText({ text: 'PORTLAND, Ore., Feb 26 - Red Lion Inns said it filed plans.' });
    expect(r.regions.map((t) => t.id)).toContain('us-or');
    expect(r.regions.map((t) => t.id)).not.toContain('ore');
  });
  it('never reads the date as a place (a town called March)', () => {
    expect(tagText({ text: 'LONDON, March 3 - Shares rose in England.' }).regions.map((t) => t.id)).not.toContain('march');
  });
  it('reads no dateline in ordinary prose', () => {
    expect(readDateline('Officials said on Monday that talks would resume.')).toBeUndefined();
  });
});
