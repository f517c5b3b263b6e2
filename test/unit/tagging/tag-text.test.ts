import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';
import { find, ids } from './helpers';

describe('tagText mentions', () => {
  it('gives exact offsets into the text, and into the title for title mentions', () => {
    const text = '“NATO is worried,” he said. Ukraine’s army held the line near Kharkiv.';
    const title = 'Russia masses troops';
    const r = tagText({ text, title });
    for (const t of [...r.actors, ...r.regions]) {
      for (const m of t.mentions) expect((m.field === 'title' ? title : text).slice(m.start, m.end)).toBe(m.text);
    }
    expect(find(text, 'nato')!.mentions[0]).toMatchObject({ text: 'NATO', start: 1, end: 5 });
    expect(find(text, 'RU', { title })!.mentions[0]).toMatchObject({ text: 'Russia', field: 'title', start: 0 });
  });
  it('reads names through punctuation: possessives, quotes and hyphenated compounds', () => {
    const r = ids('Ukraine’s border, “NATO officials” and the NATO-Russia Council met; Russia-Ukraine talks stalled.');
    expect(r.actors).toEqual(expect.arrayContaining(['nato', 'nato-russia-council', 'RU', 'UA']));
  });
  it('reads transliterations, historical names and Russian and Ukrainian spellings', () => {
    // An oblast's capital is the city, rolled up to its oblast; "Kharkiv region" is the oblast itself.
    expect(ids('Shelling hit Kiev and Kharkov.').regions).toEqual(expect.arrayContaining(['kyiv', 'kharkiv', 'kharkiv-oblast']));
    const kharkiv = tagText({ text: 'Shelling hit Kharkiv and villages in the Kharkiv region.' }).regions;
    expect(kharkiv.find((t) => t.id === 'kharkiv')).toMatchObject({ kind: 'city', parents: ['kharkiv-oblast'], mentions: [{ text: 'Kharkiv' }] });
    expect(kharkiv.find((t) => t.id === 'kharkiv-oblast')!.mentions.map((m) => m.text)).toEqual(['Kharkiv region']);
    expect(ids('Удари по Харкову і Запоріжжю.').regions).toEqual(expect.arrayContaining(['kharkiv', 'zaporizhzhia']));
    expect(ids('Separatists in Lugansk and the Donbass.').regions).toEqual(expect.arrayContaining(['luhansk-oblast', 'donbas']));
    expect(ids('Odessa port reopened.').regions).toEqual(expect.arrayContaining(['odesa', 'odesa-oblast']));
    expect(ids('The Soviet Union and Burma signed a pact.').regions).toEqual(expect.arrayContaining(['RU', 'MM']));
    expect(ids('Zaire and West Germany traded.').regions).toEqual(expect.arrayContaining(['CD', 'DE']));
    expect(ids('Россия и Україна, НАТО и Донецьк.').regions).toEqual(expect.arrayContaining(['RU', 'UA', 'donetsk-oblast']));
    expect(ids('Россия и Україна, НАТО и Донецьк.').actors).toContain('nato');
  });
  it('reads names that open with a lower-case particle', () => {
    expect(ids('Fighters linked to al-Qaeda attacked the base.').actors).toContain('al-qaeda');
    expect(ids('The plan of Ursula von der Leyen was approved.').actors).toContain('ursula-von-der-leyen');
    expect(ids('Commission chief von der Leyen spoke.').actors).toContain('ursula-von-der-leyen');
    expect(ids('Growth in sub-Saharan Africa slowed.').regions).toContain('sub-saharan-africa');
    expect(ids('The capital of the country is far.').actors).toEqual([]);
  });
  it('reads a demonym as the country acting, and only as a weak hint of the place', () => {
    const r = tagText({ text: 'Russian forces moved at dawn. Russian officials said so.' });
    const actor = r.actors.find((t) => t.id === 'RU')!;
    const place = r.regions.find((t) => t.id === 'RU')!;
    expect(place.score).toBeLessThan(actor.score);
    const named = tagText({ text: 'Forces moved in Russia at dawn. Officials in Russia said so.' }).regions.find((t) => t.id === 'RU')!;
    expect(place.score).toBeLessThan(named.score / 2);
  });
});

describe('roll-ups', () => {
  it('rolls Donetsk up to Donbas, Ukraine, Eastern Europe and Europe, naming where each came from', () => {
    const r = tagText({ text: 'Shelling continued in Donetsk overnight.' });
    const byId = new Map(r.regions.map((t) => [t.id, t]));
    for (const id of ['donetsk-oblast', 'donbas', 'UA', 'eastern-europe', 'europe']) expect(byId.has(id)).toBe(true);
    expect(byId.get('donbas')).toMatchObject({ mentions: [], via: ['donetsk-oblast'] });
    expect(byId.get('UA')).toMatchObject({ mentions: [], kind: 'country', country: 'UA' });
    expect(byId.get('europe')!.via).toContain('donetsk-oblast');
    expect(byId.get('donetsk-oblast')!.parents).toEqual(['donbas']);
  });
  it('rolls an institution up to its country as an actor (State Duma → Russia)', () => {
    const r = tagText({ text: 'The State Duma voted on Tuesday.' });
    expect(r.actors.map((t) => t.id)).toEqual(['state-duma', 'RU']);
    expect(r.actors[1]).toMatchObject({ kind: 'country', via: ['state-duma'], mentions: [] });
  });
});

describe('time-aware office holders', () => {
  const text = 'Stoltenberg said allies would stand firm. Rutte agreed.';
  it('links Stoltenberg to NATO in 2022 and not Rutte', () => {
    expect(find(text, 'jens-stoltenberg', { date: '2022-02-17' })!.parents).toEqual(['nato']);
    expect(find(text, 'mark-rutte', { date: '2022-02-17' })!.parents).toEqual(['NL']);
  });
  it('links Rutte to NATO after October 2024, and Stoltenberg to Norway in 2025', () => {
    expect(find(text, 'mark-rutte', { date: '2025-03-01' })!.parents).toEqual(['nato']);
    expect(find(text, 'jens-stoltenberg', { date: '2025-03-01' })!.parents).toEqual(['NO']);
  });
  it('puts the organisation among the actors through the person, with via', () => {
    const r = tagText({ text: 'Mark Rutte visited Kyiv.', date: '2025-01-10' });
    expect(r.actors.find((t) => t.id === 'nato')).toMatchObject({ mentions: [], via: ['mark-rutte'] });
  });
  it('without a date or full name, gives a shared surname to the person whose country the article names', () => {
    expect(ids('BONN, March 3 - West German Finance Minister Stoltenberg said the Bundesbank would act.').actors).toContain('gerhard-stoltenberg');
    expect(ids('Stoltenberg told NATO allies to send more air defence.').actors).toContain('jens-stoltenberg');
  });
  it('gives a shared surname to the person whose full name the article uses', () => {
    const r = ids('Finance Minister Gerhard Stoltenberg spoke. Stoltenberg said rates would fall.', { date: '1987-03-01' });
    expect(r.actors).toContain('gerhard-stoltenberg');
    expect(r.actors).not.toContain('jens-stoltenberg');
  });
});

describe('datelines and salience', () => {
  it('reads a wire dateline as the place of reporting and weighs it like the title', () => {
    const r = tagText({ text: 'KYIV, Feb 17 - Officials said talks with Poland and Hungary would resume next week after a pause.' });
    expect(r.regions[0]!.id).toBe('kyiv');
    expect(r.regions[0]!.mentions[0]).toMatchObject({ text: 'KYIV', start: 0 });
    expect(r.regions.find((t) => t.id === 'UA')!.salient).toBe(true);
  });
  it('reads a US state after the dateline city (ROCHESTER, N.Y.)', () => {
    const r = tagText({ text: 'ROCHESTER, N.Y., March 3 - Eastman Kodak Co said profits rose.' });
    expect(r.regions.map((t) => t.id)).toEqual(expect.arrayContaining(['us-ny', 'US']));
    expect(r.regions.find((t) => t.id === 'us-ny')!.mentions[0]).toMatchObject({ text: 'N.Y.', start: 11, end: 15 });
  });
  it('reads a newspaper dateline without a date (WASHINGTON — …) but not a capitalised opening word', () => {
    expect(tagText({ text: 'WASHINGTON — The Senate voted on a bill about Canada and Mexico.' }).regions[0]!.id).toBe('washington-dc');
    const r = tagText({ text: 'Officials — and Mexico — said Canada would join.' });
    expect(r.regions.every((t) => t.mentions.every((m) => m.text !== 'Officials'))).toBe(true);
  });
  it('reads NEW YORK, March 3 (Reuters) - as New York City', () => {
    expect(tagText({ text: 'NEW YORK, March 3 (Reuters) - Stocks fell.' }).regions[0]!.id).toBe('new-york-city');
  });
  it('sorts by score so that the first region is the focus', () => {
    const text = 'Ukraine said its forces repelled attacks in Ukraine’s east. Ukraine asked for help. A delegation from Brazil attended the talks in the capital, the last of many.';
    const r = tagText({ text });
    expect(r.regions[0]!.id).toBe('UA');
    const scores = r.regions.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
  it('marks a passing mention deep in a long text as not salient', () => {
    const filler = 'The ministry published its weekly figures on output and prices. '.repeat(12);
    const r = tagText({ text: `Germany reported growth in Germany's industry. ${filler} A delegate from Peru attended.` });
    expect(r.regions.find((t) => t.id === 'DE')!.salient).toBe(true);
    expect(r.regions.find((t) => t.id === 'PE')!.salient).toBe(false);
  });
  it('counts seas and macro-regions at half weight, but organisations and people in full', () => {
    const filler = 'The statement was read out to reporters at the weekly briefing. '.repeat(6);
    const r = tagText({ text: `${filler} NATO met. Stoltenberg spoke. Ships sailed in the Black Sea.` });
    expect(r.actors.find((t) => t.id === 'jens-stoltenberg')!.score).toBe(1);
    expect(r.actors.find((t) => t.id === 'nato')!.score).toBe(1.8); // its own mention + 0.8 of Stoltenberg's
    expect(r.regions.find((t) => t.id === 'black-sea')!.score).toBe(0.5);
  });
  it('reads an agency dateline (ATLANTA (AP) —) as the place of reporting', () => {
    const r = tagText({ text: 'ATLANTA (AP) — Voters in Georgia cast ballots in a Senate runoff. Gov. Brian Kemp urged patience.' });
    expect(r.regions[0]!.id).toBe('us-ga');
    expect(r.regions.find((t) => t.id === 'atlanta')!.mentions[0]).toMatchObject({ start: 0, end: 7 });
    expect(r.regions.map((t) => t.id)).not.toContain('GE');
  });
  it('weighs a country named as an agent less as a place than one named as a place', () => {
    const filler = 'The report was published on the ministry website on Monday morning. '.repeat(5);
    const agent = tagText({ text: `${filler} U.S. officials said prices would rise.` }).regions.find((t) => t.id === 'US')!;
    const place = tagText({ text: `${filler} Prices rose in the U.S. last week.` }).regions.find((t) => t.id === 'US')!;
    expect(agent.score).toBe(0.5);
    expect(place.score).toBe(1.5);
  });
  it('lets a country the body names again and again outrank one named once in the lead', () => {
    const filler = 'The figures were published by the ministry on Monday morning. '.repeat(5);
    const r = tagText({ text: `Officials in Nepal reported the cases. ${filler} Hospitals in India filled up. India closed schools. Doctors in India asked for help.` });
    expect(r.regions[0]!.id).toBe('IN');
    expect(r.regions.find((t) => t.id === 'NP')!.salient).toBe(false);
    // One mention in the lead still reaches the floor of salience.
    const two = tagText({ text: `Officials in Nepal and Peru reported cases. ${filler}` });
    expect(two.regions.find((t) => t.id === 'PE')!.salient).toBe(true);
  });
  it('counts a title mention more than a body mention', () => {
    const r = tagText({ title: 'Chile raises rates', text: 'The central bank acted. Analysts in Peru were surprised.' });
    expect(r.regions[0]!.id).toBe('CL');
  });
});

describe('title mentions against roll-ups', () => {
  const title = 'Russian warships shadow NATO patrol in the Black Sea';
  const text = 'Two Russian frigates followed a Romanian and Turkish naval patrol for several hours off the coast of Crimea, the Romanian navy said. The incident came days after Ankara restated that the Bosporus and Dardanelles remain closed to warships of the parties at war under the Montreux Convention.';
  it('a sea named in the title is salient', () => {
    expect(find(text, 'black-sea', { title })).toMatchObject({ salient: true });
    // Not placed by the title ("Black Sea fishing …") and outweighed by the dateline: salient still.
    const r = tagText({ title: 'Black Sea fishing season opens', text: 'KYIV, May 2 - Fishing boats left port in Ukraine and Odesa on Monday.' });
    expect(r.regions[0]!.id).not.toBe('black-sea');
    expect(r.regions.find((t) => t.id === 'black-sea')).toMatchObject({ salient: true });
  });
  it('passing mentions of a country\'s cities and straits do not outrank the region the title places the story in', () => {
    const r = tagText({ title, text });
    expect(r.regions[0]!.id).toBe('black-sea');
    const tr = r.regions.find((t) => t.id === 'TR')!;
    expect(tr.via).toEqual(expect.arrayContaining(['ankara', 'bosporus', 'dardanelles']));
    expect(tr.score).toBeLessThan(r.regions[0]!.score);
  });
  it('several found children add up with diminishing weight', () => {
    // "Ankara was calm", not "Ankara said": the capital for its government would make Turkey an actor too.
    const one = find('Ankara was calm.', 'TR')!.score;
    const three = find('Ankara was calm. Izmir agreed. Istanbul did too.', 'TR')!.score;
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(3 * one);
  });
  it('a shortened sea name in an upper-case wire headline stays a passing mention (company names)', () => {
    const r = tagText({ title: 'SECURITY PACIFIC <SPC> REGISTERS DEBT', text: 'LOS ANGELES, March 3 - Security Pacific Corp said it filed a registration.' });
    expect(r.regions[0]!.country).toBe('US');
    expect(r.regions.find((t) => t.id === 'pacific-ocean')!.score).toBeLessThan(r.regions[0]!.score);
  });
});
