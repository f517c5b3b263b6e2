// Behaviour of the rules for the 135,000 towns and the subdivisions (shared/tagging/places.ts): a
// small place, or a name several places share, is read as a place only with evidence in the article.
import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';
import { ids } from './helpers';

const region = (text: string, id: string) => tagText({ text }).regions.find((t) => t.id === id);

describe('small places need support in the article', () => {
  it('reads a front-line town when its country or oblast is named, and rolls it up town → oblast → Donbas → country', () => {
    const r = tagText({ text: 'Russian forces shelled Pokrovsk and Chasiv Yar in Ukraine overnight.' });
    const pokrovsk = r.regions.find((t) => t.id === 'pokrovsk')!;
    expect(pokrovsk.mentions.map((m) => m.text)).toEqual(['Pokrovsk']);
    expect(pokrovsk.parents).toEqual(['donetsk-oblast']);
    expect(r.regions.map((t) => t.id)).toEqual(expect.arrayContaining(['chasiv-yar', 'donetsk-oblast', 'donbas', 'UA']));
  });
  it('reads a Mexican city by the name the news uses, without the title of its official name (Acapulco de Juárez, Heroica Matamoros)', () => {
    const acapulco = region('Shootings ended in 18 deaths at the Mexican holiday resort of Acapulco on Saturday.', 'acapulco-de-juarez')!;
    expect(acapulco.mentions.map((m) => m.text)).toEqual(['Acapulco']);
    expect(acapulco.parents).toEqual(['mx-gro']);
    expect(ids('Gunmen attacked a bar in Matamoros, Tamaulipas, near the border.').regions).toContain('heroica-matamoros');
    // A small town so named still needs support, as every small place does.
    expect(ids('Tixtla was quiet.').regions).not.toContain('tixtla-de-guerrero');
  });
  it('reads a large subdivision whose every name is its own without support, but not one named by generic words or sharing a name', () => {
    const alone: [string, string][] = [['Clashes in Amhara killed 20 people.', 'et-am'], ['Gunmen attacked a bus in Balochistan.', 'pk-ba'], ['Floods hit Maharashtra.', 'in-mh']];
    for (const [text, id] of alone) expect(ids(text).regions, text).toContain(id);
    expect(ids('A judge in the Northern District ruled on Tuesday.').regions).not.toContain('il-z'); // a US federal court as often as Israel's district
    expect(ids('Piedmont was quiet on Tuesday.').regions).not.toContain('it-21'); // a dozen US towns are Piedmont too
  });
  it('does not read a small place that nothing in the article supports', () => {
    expect(ids('Esperance was quiet on Tuesday.').regions.filter((id) => id.startsWith('esperance'))).toEqual([]);
    expect(ids('Esperance, in Western Australia, was quiet on Tuesday.').regions).toContain('esperance-au');
  });
  it('reads two small places that only each other support as places when few towns share their names and they lie close', () => {
    const suburbs = ids('Residents of Highland Park met at the Glenview library on Tuesday.').regions;
    expect(suburbs).toEqual(expect.arrayContaining(['highland-park', 'glenview', 'us-il']));
    // A county and its towns, as local news names them; a name of several everyday words is a name ("Winter Haven").
    expect(ids('Deputies in Polk County arrested a Lakeland man, 34, of Winter Haven.').regions).toEqual(expect.arrayContaining(['us-fl-polk-county', 'lakeland', 'winter-haven']));
    expect(ids('Washington County officials said Hagerstown residents should boil water.').regions).toEqual(expect.arrayContaining(['us-md-washington-county', 'hagerstown']));
    // Names that many towns share meet somewhere by chance, and say nothing.
    expect(ids('Franklin and Clinton met on Tuesday.').regions).toEqual([]);
    // A partner that is no place here ("Merrill Lynch") supports nothing.
    expect(ids('Merrill Lynch and L.F. Rothschild, Unterberg, Towbin Inc managed the offering.').regions).not.toContain('rothschild');
  });
  it('reads Reading near Berkshire as the town, but not "Reading a report"', () => {
    expect(ids('The minister flew to Reading in England for the talks.').regions).toContain('reading');
    expect(ids('Reading a report from England, the minister frowned.').regions).not.toContain('reading');
    const both = region('Flooding hit Reading in England. Reading the forecast, officials urged calm.', 'reading')!;
    expect(both.mentions.map((m) => m.start)).toEqual([13]); // the sentence opening "Reading the forecast" is not the town
  });
  it('reads a town named by an everyday word only with strong support ("police in Split", not "a split")', () => {
    expect(ids('Police in Split said the port was calm, Croatia said.').regions).toContain('split');
    expect(ids('Split decisions followed in Croatia.').regions).not.toContain('split');
  });
  it('reads a month as a place only with a qualifier, its subdivision or a dateline ("in March" is a date)', () => {
    expect(ids('The plant in England will open in March.').regions).not.toContain('march');
  });
  it('reads two small places that qualify each other ("Pandi, Bulacan in Central Luzon")', () => {
    const r = ids('Officials culled hogs at a farm in Pandi, Bulacan in Central Luzon on Sunday.');
    expect(r.regions).toContain('pandi');
  });
  it('reads a town followed by the county it lies in, which the packages do not link it to ("Truro, Cornwall"), and leaves a namesake far away its own', () => {
    const r = region('Flooding closed roads in Truro, Cornwall, on Friday, and surfers left Bude, Cornwall.', 'gb-con')!;
    expect(r.mentions.map((m) => m.text)).toEqual(['Cornwall', 'Cornwall']);
    expect(ids('Flooding closed roads in Truro, Cornwall, on Friday, and surfers left Bude, Cornwall.').regions).toEqual(expect.arrayContaining(['truro', 'bude']));
    expect(ids('Flooding closed roads in Truro, Nova Scotia.').regions).toEqual(expect.arrayContaining(['truro-ca', 'ca-ns']));
    expect(ids('Flooding closed roads in Truro, Nova Scotia.').regions).not.toContain('truro');
    // Without the county or anything else, a small town is still no place.
    expect(ids('Truro was quiet on Friday.').regions.filter((id) => id.startsWith('truro'))).toEqual([]);
  });
  it('supports a town by another place named within 150 km (Truro and Cornwall)', () => {
    const r = ids('Fog closed roads in Truro and across Cornwall, officials in England said.');
    expect(r.regions).toEqual(expect.arrayContaining(['truro', 'gb-con']));
  });
});

describe('which country supports a town', () => {
  it('counts the country a town was part of until recently (Malakal in a 2008 report that names Sudan)', () => {
    const r = tagText({ text: 'Fighting broke out in Malakal, Sudan, aid workers said.', date: '2008-05-20' });
    expect(r.regions.find((t) => t.id === 'malakal')).toMatchObject({ country: 'SS' });
    // Support only: the town stays in South Sudan, and a country it was never part of does not help.
    expect(ids('Fighting broke out in Malakal, Kenya, aid workers said.').regions).not.toContain('malakal');
  });
  it('counts a name two countries share ("Congo") for a town of either, whichever the name itself is read as', () => {
    expect(ids('Officials in Congo said fighting reached Bukavu.').regions).toEqual(expect.arrayContaining(['bukavu', 'CD']));
    expect(ids('Fighting reached Bukavu.').regions).not.toContain('bukavu');
  });
});

describe('contested areas', () => {
  it('reads the contested islands and the Essequibo by every name the parties use, and Scarborough Shoal is no Scarborough', () => {
    expect(ids('Chinese ships massed near the Spratlys and the Paracel Islands.').regions).toEqual(expect.arrayContaining(['spratly-islands', 'paracel-islands', 'south-china-sea']));
    expect(ids('Patrols neared the Diaoyu Islands.').regions).toContain('senkaku-islands');
    const shoal = ids('A coast guard vessel blocked Scarborough Shoal.').regions;
    expect(shoal).toContain('scarborough-shoal');
    expect(shoal.filter((id) => id.startsWith('scarborough') && id !== 'scarborough-shoal')).toEqual([]);
    expect(ids('Venezuela renewed its claim to the Essequibo.').regions).toEqual(expect.arrayContaining(['essequibo', 'GY']));
  });
});

describe('names as the news spells them, from GeoNames\' alternate names', () => {
  it('reads the towns of current conflicts by their usual English spelling once their country or area is named', () => {
    expect(ids('Israeli forces raided Jenin in the occupied West Bank on Tuesday.').regions).toContain('janin');
    expect(ids('Air strikes hit the port of Hodeidah in Yemen.').regions).toContain('al-hudaydah'); // the article dropped
    expect(ids('Residents fled Beit Hanoun and Deir al-Balah in Gaza.').regions).toEqual(expect.arrayContaining(['bayt-hanun', 'dayr-al-balah'])); // "el" written "al"
    expect(ids('Rockets hit Sderot, Israel said.').regions).toContain('sederot'); // GeoNames' present name
    expect(ids('Russian troops shelled Enerhodar, Ukraine said.').regions).toContain('energodar');
    expect(ids('Kurdish forces entered Raqqa and al-Qamishli in Syria.').regions).toEqual(expect.arrayContaining(['ar-raqqah', 'al-qamishli']));
  });
  it('takes no former name of a town for it ("Google", which Topeka was called for a month of 2010)', () => {
    expect(ids('Google said profits rose in Kansas.').regions).not.toContain('topeka');
  });
});

describe('US counties', () => {
  it('reads a county of a name thirty states share by the state the article names ("Scott County, Indiana")', () => {
    const r = tagText({ text: 'The outbreak centred on Austin, in Scott County, Indiana. Cases in Scott County rose past 140.' });
    const scott = r.regions.find((t) => t.id === 'us-in-scott-county')!;
    expect(scott.mentions.map((m) => m.text)).toEqual(['Scott County', 'Scott County']);
    expect(scott.parents).toEqual(['us-in']);
    expect(scott.lat).toBeCloseTo(38.7, 0);
    expect(r.regions.map((t) => t.id).filter((id) => id.endsWith('scott-county'))).toEqual(['us-in-scott-county']);
  });
  it('needs support like any unit, and takes the populous one of a shared name when only the country is named', () => {
    expect(ids('Scott County was quiet on Tuesday.').regions.filter((id) => id.endsWith('scott-county'))).toEqual([]);
    expect(ids('Fires in Orange County forced evacuations across the United States.').regions).toContain('us-ca-orange-county');
    expect(ids('Floods in Jefferson Parish, Louisiana, closed roads.').regions).toContain('us-la-jefferson-parish');
  });
});

describe('spellings', () => {
  it('reads a name written without the letters Unicode keeps whole (Dogubayazit for Doğubayazıt, Lodz, Tromso)', () => {
    expect(ids('Three children died in Dogubayazit in eastern Turkey.').regions).toContain('dogubayazit');
    expect(ids('Three children died in Doğubayazıt in eastern Turkey.').regions).toContain('dogubayazit');
    expect(ids('Floods hit Lodz in Poland.').regions).toContain('lodz');
  });
});

describe('names several places share', () => {
  it('goes to the place whose state or country the article names (Paris, Texas)', () => {
    expect(ids('Storms hit Paris in Texas overnight.').regions).toContain('paris-us');
    expect(ids('Storms hit Paris in Texas overnight.').regions).not.toContain('paris');
  });
  it('goes to the large city when nothing else decides, even beside another country\'s name', () => {
    const r = ids('The bank, based in Paris, sold 50 mln U.S. dollars of bonds.');
    expect(r.regions).toContain('paris');
    expect(r.regions).not.toContain('paris-us');
  });
  it('reads a bare name shared by a city and its own province as the city (Tokyo)', () => {
    expect(tagText({ text: 'Protests spread in Tokyo on Friday.' }).regions[0]!.id).toBe('tokyo');
  });
});

describe('people and names that contain a place', () => {
  it('reads a small place after a title or a given name, or before a speech verb, as a person', () => {
    expect(ids('Mr Hammond told England fans to stay home.').regions).not.toContain('hammond');
    expect(ids('Bob Hammond said England would win.').regions).not.toContain('hammond');
    expect(ids('In England, Paisley said the vote was fair.').regions).not.toContain('paisley');
  });
  it('lets a capitalised sentence opener before a place ("Four Guerrero state police") yield to the article\'s reading', () => {
    const text = 'Four Guerrero state police were found. Acapulco is a city of the state of Guerrero in Mexico.';
    const gro = region(text, 'mx-gro')!;
    expect(gro.mentions.map((m) => m.start)).toEqual([5, text.lastIndexOf('Guerrero')]);
    // A given name mid-sentence still makes a person, and decides for the whole article.
    expect(ids('Police said Bob Hammond had left England. Hammond was calm.').regions).not.toContain('hammond');
    // Alone, the opener reading still keeps the name out of the places.
    expect(ids('Four Guerrero officers were found in Mexico.').regions).not.toContain('mx-gro');
  });
  it('reads a small place inside a longer capitalised name as part of that name (West Nile virus)', () => {
    expect(ids('Cases of West Nile virus rose in Texas, US officials said.').regions).not.toContain('west');
  });
  it('keeps a country named inside a company, a newspaper or a currency out of the places, as an actor', () => {
    const r = tagText({ text: 'The Kenya Broadcasting Corporation reported the rise, the Times of India said, citing US$460 in aid.' });
    expect(r.regions.flatMap((t) => t.mentions)).toEqual([]);
    expect(r.actors.map((t) => t.id)).toEqual(expect.arrayContaining(['KE', 'IN', 'US']));
  });
  it('keeps a state out of the places in "Michigan State University", and a country out of "Consumer Act of the Philippines"', () => {
    const r = tagText({ text: 'Tests at Michigan State University were negative. They broke the Consumer Act of the Philippines, police in Ohio said.' });
    expect(r.regions.find((t) => t.id === 'us-mi')?.mentions ?? []).toEqual([]);
    expect(r.regions.find((t) => t.id === 'PH')?.mentions ?? []).toEqual([]);
    expect(r.regions.find((t) => t.id === 'us-oh')!.mentions.map((m) => m.text)).toEqual(['Ohio']);
    expect(ids('Voters in the Philippines went to the polls.').regions).toContain('PH');
  });
  it('reads a place before a school, college or newspaper as part of that name, one or two words before its word', () => {
    const mentioned = (text: string) => tagText({ text }).regions.filter((t) => t.mentions.length).map((t) => t.id);
    // "Franklin Elementary School", "Atlantic Veterinary College": the organisation's word two or three words on.
    expect(mentioned('Five boys at Franklin Elementary School in Santa Ana, California, fell ill.')).not.toContain('franklin');
    expect(mentioned('It was confirmed at the Atlantic Veterinary College in Charlottetown.')).not.toContain('atlantic-ocean');
    // A newspaper's name ("the Indianapolis Star"); the state named on its own stays a place.
    expect(mentioned('Beyrer told the Indianapolis Star that the outbreak in Indiana was growing.')).toEqual(['us-in']);
    // A compass word between "of" and the place.
    expect(mentioned('He spoke at the University of Southern Indiana on Monday.')).not.toContain('us-in');
    // Four capitalised words on is too far: "Kenya" here is the place the commission sits in.
    expect(mentioned('Kenya National Human Rights Commission Society officials spoke.')).toContain('KE');
  });
  it('reads a place that opens a firm named after partners or lines of business as part of the name, not a list of places', () => {
    const mentioned = (text: string) => tagText({ text }).regions.filter((t) => t.mentions.length).map((t) => t.id);
    const firms = mentioned('In New York, Bear, Stearns and Co advised the board. Sears, Roebuck and Co shares fell.');
    expect(firms).toContain('new-york-city');
    expect(firms).not.toContain('stearns');
    expect(firms).not.toContain('roebuck');
    expect(mentioned('Pohang Iron and Steel Co and Louisiana Land and Exploration Co signed in Seoul.')).not.toContain('pohang');
    expect(mentioned('Louisiana Land and Exploration Co said in New Orleans it had sold the field.')).not.toContain('us-la');
    // A serial comma or no "and" makes a list of places; a lower-case word is no firm's.
    expect(mentioned('Power was cut in Cincinnati, Ohio, and Florida Power Corp sent crews.')).toEqual(expect.arrayContaining(['cincinnati', 'us-oh']));
    expect(mentioned('In Houston, Shell Oil Co said prices fell in Texas.')).toContain('houston');
    expect(mentioned('Officials in Ohio and company executives met.')).toContain('us-oh');
  });
  it('reads a place glued by a hyphen to a word that names nothing as part of that name, and two places joined as places', () => {
    const mentioned = (text: string, title?: string) => tagText({ title, text }).regions.filter((t) => t.mentions.length).map((t) => t.id);
    const firms = mentioned('Hydro-Quebec cut prices in Canada. Seattle-First National Bank lent to Boeing in Washington state. Morton-Thiokol, of Texas, gained.');
    expect(firms).not.toContain('ca-qc');
    expect(firms).not.toContain('seattle');
    expect(firms.filter((id) => id.startsWith('morton'))).toEqual([]);
    expect(mentioned('Flights between Raleigh-Durham and Dallas-Fort Worth resumed.')).toEqual(expect.arrayContaining(['raleigh', 'durham', 'dallas', 'fort-worth']));
    // Prefixes and the openers of place names leave the place a place; so does a headline in Title Case.
    expect(mentioned('Pro-Moscow groups rallied in Saint-Denis.')).toEqual(expect.arrayContaining(['moscow', 'saint-denis']));
    expect(mentioned('Fighting went on.', 'Moscow-Backed Rebels Seize Town')).toContain('moscow');
  });
  it('reads a town named by an organisation\'s head word before "of" as that word ("the University of Toronto"), and the town elsewhere', () => {
    expect(ids('A specialist at the University of Toronto said Ontario reported cases.').regions.filter((id) => id.startsWith('university'))).toEqual([]);
    expect(ids('Flooding hit Union, New Jersey, on Monday.').regions).toContain('union');
    expect(ids('Troops entered King of Prussia, Pennsylvania.').regions).toContain('king-of-prussia'); // a town's own name with "of" stays
  });
  it('reads "of" after a capitalised word as part of a name, not as a place\'s locative ("Department of Energy"; "the mayor of Reading")', () => {
    const r = ids('Officials at the U.S. Department of Energy and the Office of Industry in Washington said.');
    expect(r.regions).not.toContain('energy');
    expect(r.regions).not.toContain('industry');
    expect(ids('The mayor of Reading said flooding in England had eased.').regions).toContain('reading');
  });
  it('reads a city that speaks as its government, unless the article names a firm after it ("Toyota Motor Corp … Toyota said")', () => {
    expect(ids('Shanghai said it would ease the lockdown.').regions).toContain('shanghai');
    // An institution of the city is no firm named after it.
    expect(ids('The Shanghai Stock Exchange fell in China. Shanghai said it would ease the lockdown.').regions).toContain('shanghai');
    const firm = tagText({ text: 'Toyota Motor Corp will recall 10,000 cars in Japan. Toyota said the fault was minor.' });
    expect(firm.regions.find((t) => t.id === 'toyota')).toBeUndefined();
    expect(firm.regions.map((t) => t.id)).toContain('JP');
    // A place name that is also a person's stays a person when it speaks.
    expect(ids('Houston said he would run again.').regions).not.toContain('houston');
    // "in" before the name, even across a line break, places the speaker there.
    expect(ids('A spokesman for the Bundesbank in\nFrankfurt said the Frankfurt Stock Exchange was calm. Frankfurt Trust Co disagreed.').regions).toContain('frankfurt-am-main');
  });
  it('never reads past the end of a sentence for an organisation\'s word, only past the full stop of an abbreviation', () => {
    expect(region('The samples were tested in Ames, Iowa. White House Press Secretary Tony Snow spoke.', 'us-ia')!.mentions.map((m) => m.text)).toEqual(['Iowa']);
    expect(region('Flights were cut to Mexico. Continental Airlines said so.', 'MX')!.mentions.map((m) => m.text)).toEqual(['Mexico']);
    expect(region('Aid went to the US. Bank officials said it arrived.', 'US')!.mentions.map((m) => m.text)).toEqual(['US']);
    expect(region('The U.S. Embassy said U.S. Steel Corp would stay.', 'US')!.mentions.map((m) => m.start)).toEqual([4]);
  });
  it('reads a season as a time, as a month is: "in Spring 2002" is no town, "Spring, Texas" is', () => {
    expect(ids('Cases were found in Spring 2002 in Ohio.').regions).not.toContain('spring');
    expect(ids('Flooding hit Spring, Texas, near Houston.').regions).toContain('spring');
  });
  it('reads "Saudi" as the adjective it is: evidence for Saudi Arabia, not a place mention', () => {
    const r = tagText({ text: 'Four more people are in Saudi hospitals.' });
    expect(r.actors.find((t) => t.id === 'SA')!.mentions.map((m) => m.text)).toEqual(['Saudi']);
    expect(r.regions.find((t) => t.id === 'SA')!.mentions).toEqual([]);
  });
  it('keeps a country before a body of its government as a place ("U.S. Army", "California Department of Public Health")', () => {
    expect(region('The U.S. Army flew relief missions.', 'US')!.mentions.map((m) => m.text)).toEqual(['U.S']);
  });
  it('reads a nationality adjective as the actor and as evidence for the place, not as a place mention', () => {
    const r = tagText({ text: 'Canadian officials confirmed the outbreak.' });
    expect(r.actors.find((t) => t.id === 'CA')!.mentions.map((m) => m.text)).toEqual(['Canadian']);
    expect(r.regions.find((t) => t.id === 'CA')!.mentions).toEqual([]);
  });
});

describe('coordinates', () => {
  it('gives every place tag lat/lon: a town its centre, a country a point on its main landmass', () => {
    const r = tagText({ text: 'Shelling hit Pokrovsk in Ukraine.' });
    const pokrovsk = r.regions.find((t) => t.id === 'pokrovsk')!;
    expect(pokrovsk.lat).toBeCloseTo(48.28, 1);
    expect(pokrovsk.lon).toBeCloseTo(37.18, 1);
    const ua = r.regions.find((t) => t.id === 'UA')!;
    expect(ua.lat).toBeGreaterThan(44);
    expect(ua.lat).toBeLessThan(53);
    expect(ua.lon).toBeGreaterThan(22);
    expect(ua.lon).toBeLessThan(41);
  });
});

describe('abbreviations', () => {
  it('reads NSW, B.C., DRC and UAE', () => {
    expect(ids('Floods hit NSW again.').regions).toContain('au-nsw');
    expect(ids('A fire in Surrey, B.C., closed roads.').regions).toEqual(expect.arrayContaining(['ca-bc', 'surrey']));
    expect(ids('Fighting in eastern DRC displaced thousands.').regions).toContain('CD');
    expect(ids('The UAE said it would help.').regions).toContain('AE');
  });
  it('reads a US state abbreviation after a place in the text ("Atlanta, Ga.", "Marietta, Ga.")', () => {
    const r = tagText({ text: 'Police in Marietta, Ga., said the suspect fled.' });
    expect(r.regions.find((t) => t.id === 'us-ga')!.mentions.map((m) => m.text)).toEqual(['Ga.']);
    expect(r.regions.map((t) => t.id)).toContain('marietta');
  });
});

describe('a name a city shares with a state or province', () => {
  it('is the state in a list of that country\'s states ("Michigan, Oregon, New York, Indiana")', () => {
    expect(ids('Cases were found in Michigan, Oregon, New York, Indiana and Ohio.').regions).toContain('us-ny');
    expect(ids('Cases were found in Michigan, Oregon, New York, Indiana and Ohio.').regions).not.toContain('new-york-city');
    expect(ids('Cases were found in Utah, Washington and Wisconsin.').regions).toContain('us-wa');
    expect(ids('Cases were found in Utah, Washington and Wisconsin.').regions).not.toContain('washington-dc');
  });
  it('stays the city in a list of cities, and beside a state that is not in a list', () => {
    expect(ids('Flights from Chicago, New York and Boston were cancelled.').regions).toContain('new-york-city');
    expect(ids('Ohio officials flew to New York on Monday.').regions).toContain('new-york-city');
  });
  it('is the state before a word of its government ("New York Governor")', () => {
    expect(ids('New York Governor Andrew Cuomo declared an emergency.').regions).toContain('us-ny');
    expect(ids('New York police said the road was closed.').regions).toContain('new-york-city');
  });
  it('places the state at its own towns\' extent, not at its namesake city\'s point', () => {
    const ny = region('Cases were found in Michigan, Oregon, New York, Indiana and Ohio.', 'us-ny')!;
    expect(ny.lat).toBeGreaterThan(42);
    expect(ny.lon).toBeLessThan(-74.5);
  });
});

describe('a place after a place and a comma', () => {
  it('is the ancestor of that name: "Buffalo, New York" is the state, "New York" alone the city', () => {
    expect(ids('Two boys died in Buffalo, New York, after the outbreak.').regions).toContain('us-ny');
    expect(ids('Two boys died in Buffalo, New York, after the outbreak.').regions).not.toContain('new-york-city');
    expect(ids('Markets in New York rose.').regions).toContain('new-york-city');
  });
});
