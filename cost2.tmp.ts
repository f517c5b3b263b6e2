import fs from 'node:fs';
const root = process.argv[2]!;
const { tagText } = await import(root + '/shared/tagging/index.ts');
const docs = fs.readFileSync('/work/scratch/c10k.jsonl', 'utf8').trim().split('\n').slice(0, 5000).map((l) => JSON.parse(l));
for (const d of docs.slice(0, 2000)) tagText(d);
const t = process.cpuUsage();
for (const d of docs) tagText(d);
const u = process.cpuUsage(t);
console.log(root, 'cpu ms per 5000', Math.round((u.user + u.system) / 1000));
