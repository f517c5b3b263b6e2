// The towns an analyst of current conflicts looks for, tried as a new user would: each in one sentence
// that names its country or area ("Officials in Yemen said an explosion hit Hodeidah on Tuesday"), so
// that only the gazetteer's coverage and spelling decide. Prints how many are missed and which (with
// what was read instead). Not a test: a probe of coverage, kept so its figure can be re-read
// (docs/TAGGING.md, "GeoNames' spellings").
//
//   npx tsx scripts/probe-towns.ts
import { tagText } from '../shared/tagging';

/** Country (ISO), the area named in the sentence, and its towns. */
const PROBE: [string, string, string[]][] = [
  ['PS', 'the West Bank', ['Jenin', 'Ramallah', 'Tulkarm', 'Qalqilya', 'Tubas', 'Bethlehem', 'Jericho', 'Hebron', 'Nablus']],
  ['PS', 'Gaza', ['Khan Younis', 'Rafah', 'Deir al-Balah', 'Beit Lahia', 'Beit Hanoun', 'Jabalia', 'Nuseirat']],
  ['SD', 'Sudan', ['El Fasher', 'Nyala', 'Geneina', 'Omdurman', 'Wad Madani', 'Port Sudan', 'Kadugli', 'El Obeid', 'Khartoum']],
  ['YE', 'Yemen', ['Hodeidah', 'Marib', 'Aden', 'Taiz', 'Sanaa', 'Saada', 'Mukalla']],
  ['SY', 'Syria', ['Idlib', 'Aleppo', 'Deir ez-Zor', 'Raqqa', 'Manbij', 'Kobani', 'Daraa', 'Homs', 'Hama', 'Latakia', 'Tartus', 'Qamishli']],
  ['LB', 'Lebanon', ['Tyre', 'Sidon', 'Nabatieh', 'Baalbek']],
  ['UA', 'Ukraine', ['Vuhledar', 'Robotyne', 'Kurakhove', 'Marinka', 'Krynky', 'Klishchiivka', 'Selydove', 'Myrnohrad', 'Kostiantynivka', 'Druzhkivka', 'Kramatorsk', 'Sloviansk', 'Lyman', 'Kupiansk', 'Chasiv Yar', 'Enerhodar', 'Nova Kakhovka', 'Melitopol', 'Berdiansk', 'Mariupol', 'Tokmak', 'Sumy', 'Chernihiv', 'Kherson']],
  ['RU', 'Russia', ['Kursk', 'Sudzha', 'Belgorod', 'Bryansk', 'Tuapse', 'Novorossiysk', 'Engels', 'Taganrog', 'Voronezh']],
  ['CD', 'Congo', ['Goma', 'Bukavu', 'Rutshuru', 'Sake', 'Beni', 'Bunia', 'Uvira']],
  ['ML', 'Mali', ['Gao', 'Timbuktu', 'Kidal', 'Menaka', 'Mopti']],
  ['MM', 'Myanmar', ['Lashio', 'Myawaddy', 'Sittwe', 'Mandalay', 'Naypyidaw']],
  ['IL', 'Israel', ['Sderot', 'Ashkelon', 'Metula', 'Kiryat Shmona', 'Nahariya', 'Eilat']],
  ['GB', 'England', ['Truro', 'Cornwall', 'Penzance', 'Reading', 'Slough']],
];

const missed: string[] = [];
let all = 0;
for (const [country, area, towns] of PROBE) {
  for (const town of towns) {
    all++;
    const r = tagText({ text: `Officials in ${area} said an explosion hit ${town} on Tuesday, killing three people.` });
    const tag = r.regions.find((t) => t.mentions.some((m) => m.text === town));
    if (!tag || (tag.country !== country && tag.id !== country)) missed.push(tag ? `${town} (read as ${tag.id})` : town);
  }
}
console.log(`${missed.length} of ${all} towns missed with their country or area named${missed.length ? `: ${missed.join(', ')}` : ''}`);
