import { tagText } from '../shared/tagging';
const t = process.argv[2]!;
const r = tagText({ text: t });
for (const x of r.regions) console.log(x.id, x.kind, x.score, x.lat, x.lon, x.mentions.map((m) => `${m.text}@${m.start}`).join(','));
import { readDateline } from '../shared/tagging/dateline';
console.log(readDateline(t));
