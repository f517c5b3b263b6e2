import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';
import { ids } from './helpers';

describe('Georgia', () => {
  it('is the country next to Tbilisi, Abkhazia or Russia', () => {
    const r = ids('Georgia accused Russia of moving troops into Abkhazia, officials in Tbilisi said.');
    expect(r.regions).toContain('GE');
    expect(r.regions).not.toContain('us-ga');
  });
  it('is the US state next to Atlanta', () => {
    const r = ids('The company will open a plant in Georgia, creating 500 jobs near Atlanta.');
    expect(r.regions).toContain('us-ga');
    expect(r.regions).toContain('US');
    expect(r.regions).not.toContain('GE');
  });
  it('is the US state when the article names other US states and a governor', () => {
    const r = ids('Voters in Georgia and Arizona will decide the Senate race, the governor said.');
    expect(r.regions).toContain('us-ga');
    expect(r.regions).not.toContain('GE');
  });
  it('is the US state in "the state of Georgia" whatever else is named', () => {
    expect(ids('Tbilisi officials visited the state of Georgia last week.').regions).toContain('us-ga');
  });
  it('defaults to the country with no other evidence', () => {
    expect(ids('Georgia held elections on Saturday.').regions).toContain('GE');
  });
});

describe('Jordan and Chad', () => {
  it('reads Jordan as the country on its own', () => {
    expect(ids('Jordan closed its border crossing on Monday.').regions).toContain('JO');
  });
  it('reads Michael Jordan as a person, not the country', () => {
    const r = ids('The documentary about Michael Jordan drew a record audience.');
    expect([...r.regions, ...r.actors]).not.toContain('JO');
  });
  it('keeps Jordan when a title or a direction word stands beside it', () => {
    expect(ids('The talks with King Abdullah of Jordan ended. Jordan King Abdullah flew home.').regions).toContain('JO');
  });
  it('keeps Jordan in a headline written in title case', () => {
    expect(ids('Officials met.', { title: 'Jordan Closes Its Border With Syria' }).regions).toContain('JO');
    expect(ids('Officials met.', { title: 'Michael Jordan documentary breaks records' }).regions).not.toContain('JO');
  });
  it('reads Chad Smith as a person and Chad as the country', () => {
    expect(ids('Drummer Chad Smith toured Europe.').regions).not.toContain('TD');
    expect(ids('Troops from Chad crossed into Sudan.').regions).toContain('TD');
  });
});

describe('Niger, Nigeria and Guinea', () => {
  it('tells Niger from Nigeria', () => {
    expect(ids('Niger expelled the French ambassador.').regions).toEqual(expect.arrayContaining(['NE']));
    const r = ids('Nigeria raised oil output.');
    expect(r.regions).toContain('NG');
    expect(r.regions).not.toContain('NE');
  });
  it('reads the Niger Delta as a region of Nigeria', () => {
    const r = ids('Militants attacked a pipeline in the Niger Delta.');
    expect(r.regions).toContain('niger-delta');
    expect(r.regions).toContain('NG');
    expect(r.regions).not.toContain('NE');
  });
  it('prefers the longest name: Guinea-Bissau, Equatorial Guinea, Papua New Guinea', () => {
    expect(ids('Guinea-Bissau held a vote.').regions).toContain('GW');
    expect(ids('Equatorial Guinea exports oil.').regions).toContain('GQ');
    expect(ids('Papua New Guinea was hit by an earthquake.').regions).toContain('PG');
    for (const t of ['Guinea-Bissau held a vote.', 'Equatorial Guinea exports oil.', 'Papua New Guinea was hit.']) expect(ids(t).regions).not.toContain('GN');
  });
  it('does not read a guinea pig as Guinea', () => {
    expect(ids('Guinea pigs were used in the trial.').regions).not.toContain('GN');
    expect(ids('Guinea held a referendum.').regions).toContain('GN');
  });
});

describe('Turkey and Türkiye', () => {
  it('reads both names, with or without the diacritic, as one country', () => {
    for (const t of ['Turkey hosted the talks.', 'Türkiye hosted the talks.', 'Turkiye hosted the talks.']) expect(ids(t).regions).toContain('TR');
  });
  it('does not read the bird in lower case', () => {
    expect(ids('They ate turkey on Thursday.').regions).not.toContain('TR');
  });
});

describe('Washington', () => {
  it('is the US capital by default', () => {
    expect(ids('Washington imposed new sanctions.').regions).toContain('washington-dc');
  });
  it('is the state when the text says so or names Seattle', () => {
    expect(ids('Wildfires spread across Washington state.').regions).toContain('us-wa');
    expect(ids('Rain hit Seattle and much of Washington on Monday.').regions).toContain('us-wa');
  });
  it('is not a place in the name of a newspaper', () => {
    expect(ids('The Washington Post reported the deal.').regions).not.toContain('washington-dc');
  });
});

describe('names that are not places in context', () => {
  it('does not read "Normandy format" as Normandy or France', () => {
    const r = ids('Talks in the Normandy format resumed.');
    expect(r.regions).not.toContain('normandy');
    expect(r.regions).not.toContain('FR');
  });
  it('does not read "Minsk agreements" as Minsk', () => {
    const r = ids('They called for a settlement within the framework of the Minsk agreements.');
    expect(r.regions).not.toContain('minsk');
    expect(r.regions).not.toContain('BY');
  });
  it('does not read the "Paris Agreement" as Paris', () => {
    expect(ids('Countries reaffirmed the Paris Agreement on climate.').regions).not.toContain('paris');
  });
  it('still reads Minsk and Paris as places elsewhere', () => {
    expect(ids('Protesters gathered in Minsk.').regions).toContain('BY');
    expect(ids('The summit was held in Paris.').regions).toContain('FR');
  });
  it('gives little weight to a place used as an attribute ("Paris-based")', () => {
    const r = ids('LOS ANGELES, March 2 - Ferro Corp formed a venture with Paris-based Alsthom.');
    expect(r.regions[0]).toBe('los-angeles');
  });
});

describe('short upper-case aliases', () => {
  it('match US, UN and EU only in their proper case', () => {
    expect(ids('The US and the UN met EU envoys.').regions).toContain('US');
    expect(ids('The US and the UN met EU envoys.').actors).toEqual(expect.arrayContaining(['un', 'eu']));
    expect(ids('Let us know. Un moment. Eu sou.').regions).not.toContain('US');
    expect(ids('Let us know. Un moment.').actors).not.toContain('un');
  });
  it('reads dotted forms (U.S., U.N.) as the same acronyms', () => {
    expect(ids('U.S. officials briefed the U.N. council.').regions).toContain('US');
    expect(ids('U.S. officials briefed the U.N. council.').actors).toContain('un');
  });
});

describe('places that describe something else', () => {
  it('gives little weight to a company seat ("based in", "listed in") and to a currency ("U.S. dollars")', () => {
    const r = tagText({ text: 'TOKYO, March 3 - The bank, based in Paris, sold 50 mln U.S. dollars of bonds listed in Luxembourg.' });
    expect(r.regions[0]!.id).toBe('tokyo');
    for (const id of ['FR', 'US', 'LU']) expect(r.regions.find((t) => t.id === id)?.salient).toBe(false);
  });
});
