// Hand-made tagged articles for the store tests: a month-spanning set with known tags, so every
// expected answer below is computed from the data rather than written out.
import type { Tag, TagKind, TaggedArticle } from '../../../shared/model';
import type { TagResolver } from '../../../shared/query';

const ENTRIES: Record<string, { id: string; name: string; kind: TagKind }> = {};
for (const [id, name, kind, ...aliases] of [
  ['nato', 'NATO', 'organization', 'north atlantic treaty organization'],
  ['RU', 'Russia', 'country', 'ru'],
  ['UA', 'Ukraine', 'country', 'ua'],
  ['GE', 'Georgia', 'country', 'ge'],
  ['black-sea', 'Black Sea', 'sea'],
  ['donetsk-oblast', 'Donetsk Oblast', 'region', 'donetsk'],
  ['donbas', 'Donbas', 'region'],
  ['eastern-europe', 'Eastern Europe', 'macro-region'],
  ['jens-stoltenberg', 'Jens Stoltenberg', 'person', 'stoltenberg'],
] as const) {
  for (const key of [id, name, ...aliases]) ENTRIES[key.toLowerCase()] = { id, name, kind };
}

/** A gazetteer stand-in with the names the tests use. */
export const resolver: TagResolver = {
  resolve: (n) => ENTRIES[n.trim().toLowerCase()],
  suggest: (n) => Object.values(ENTRIES).map((e) => e.name).filter((name, i, all) => all.indexOf(name) === i && name[0]?.toLowerCase() === n[0]?.toLowerCase()),
};

function tag(id: string, salient: boolean, via?: string[]): Tag {
  const e = ENTRIES[id.toLowerCase()]!;
  return { id: e.id, name: e.name, kind: e.kind, score: salient ? 3 : 0.5, salient, mentions: via ? [] : [{ text: e.name, start: 0, end: e.name.length, field: 'title' }], ...(via ? { via } : {}) };
}

const TOPICS = [
  { title: 'NATO ships patrol the Black Sea near Russian waters', summary: 'Allied frigates exercised in the Black Sea as Russia watched.', actors: [tag('nato', true), tag('RU', false)], regions: [tag('black-sea', true), tag('eastern-europe', false, ['black-sea'])] },
  { title: 'Shelling in Donetsk as ceasefire talks stall', summary: 'Heavy shelling hit Donetsk. Talks on a ceasefire stalled again.', actors: [tag('RU', true), tag('UA', true)], regions: [tag('donetsk-oblast', true), tag('donbas', true, ['donetsk-oblast']), tag('UA', true, ['donbas']), tag('eastern-europe', false, ['UA'])] },
  { title: 'Stoltenberg visits Tbilisi', summary: 'The former NATO Secretary General Jens Stoltenberg met Georgian leaders about the Black Sea.', actors: [tag('jens-stoltenberg', true), tag('nato', true, ['jens-stoltenberg']), tag('GE', true)], regions: [tag('GE', true), tag('black-sea', false)] },
  { title: 'Central bank holds rates', summary: 'No geopolitics here: the central bank kept its rate unchanged.', actors: [], regions: [] },
];

/** `count` articles, one every 7 hours back from `newest`, cycling through the topics (so they span months). */
export function makeArticles(count: number, newest = Date.UTC(2026, 10, 27, 12)): TaggedArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const t = TOPICS[i % TOPICS.length]!;
    const at = new Date(newest - i * 7 * 3_600_000).toISOString();
    const id = `art${String(i).padStart(4, '0')}`;
    return { id, url: `https://news.example/${id}`, title: `${t.title} (${i})`, summary: t.summary, publishedAt: at, fetchedAt: at, feedName: `Feed ${i % 3}`, feedUrl: `https://news.example/feed${i % 3}.xml`, storyKey: `story ${i}`, actors: t.actors, regions: t.regions };
  });
}

/** Ids of the articles that carry every given tag (side-aware) and, when `salient`, have each of them salient. */
export function expectedIds(all: TaggedArticle[], want: { actors?: string[]; regions?: string[]; salient?: boolean; since?: string; until?: string; text?: RegExp }): string[] {
  const has = (tags: Tag[], id: string) => tags.some((t) => t.id === id && (!want.salient || t.salient));
  return all
    .filter((a) => (want.actors ?? []).every((id) => has(a.actors, id)) && (want.regions ?? []).every((id) => has(a.regions, id)))
    .filter((a) => (!want.since || a.publishedAt >= want.since) && (!want.until || a.publishedAt <= want.until))
    .filter((a) => !want.text || want.text.test(`${a.title}\n${a.summary}`))
    .sort((x, y) => (x.publishedAt < y.publishedAt ? 1 : -1))
    .map((a) => a.id);
}
