// A tiny gazetteer and article builder for the alert tests, so they do not depend on the real data.
import type { TagKind, Tag, TaggedArticle } from '../../../shared/model';
import type { TagLookup } from '../../../shared/alerts';

const ENTRIES: { id: string; name: string; kind: TagKind; aliases: string[] }[] = [
  { id: 'RU', name: 'Russia', kind: 'country', aliases: ['Russian Federation'] },
  { id: 'UA', name: 'Ukraine', kind: 'country', aliases: [] },
  { id: 'CN', name: 'China', kind: 'country', aliases: [] },
  { id: 'TW', name: 'Taiwan', kind: 'country', aliases: [] },
  { id: 'nato', name: 'NATO', kind: 'organization', aliases: ['North Atlantic Treaty Organization'] },
  { id: 'black-sea', name: 'Black Sea', kind: 'sea', aliases: [] },
  { id: 'donetsk-oblast', name: 'Donetsk Oblast', kind: 'region', aliases: ['Donetsk'] },
  { id: 'donbas', name: 'Donbas', kind: 'region', aliases: ['Donbass'] },
  { id: 'jens-stoltenberg', name: 'Jens Stoltenberg', kind: 'person', aliases: [] },
];

/** Resolves ids, names and aliases case-insensitively; suggests names sharing the first letter. */
export const testLookup: TagLookup = {
  resolve(q) {
    const k = q.trim().toLowerCase();
    return ENTRIES.find((e) => e.id.toLowerCase() === k || e.name.toLowerCase() === k || e.aliases.some((a) => a.toLowerCase() === k));
  },
  suggest(q, limit = 3) {
    return ENTRIES.filter((e) => e.name[0]!.toLowerCase() === q[0]?.toLowerCase()).map((e) => e.name).slice(0, limit);
  },
};

/** A tag as the tagger would give it (mentions empty for roll-ups). */
export function tag(id: string, name: string, kind: TagKind, extra: Partial<Tag> = {}): Tag {
  return { id, name, kind, score: 1, salient: true, mentions: [{ text: name, start: 0, end: name.length }], ...extra };
}

/** A tagged article with defaults for everything the test does not care about. */
export function article(over: Partial<TaggedArticle> = {}): TaggedArticle {
  return {
    id: 'a1',
    url: 'https://wire-a.example/story',
    title: 'Russian forces attack positions near Donetsk',
    summary: 'Officials said the invasion had entered a new phase as troops advanced.',
    publishedAt: '2026-11-27T14:03:00.000Z',
    fetchedAt: '2026-11-27T14:05:00.000Z',
    feedName: 'Wire A',
    feedUrl: 'https://wire-a.example/rss.xml',
    storyKey: 'russian forces attack positions near donetsk',
    actors: [tag('RU', 'Russia', 'country')],
    regions: [
      tag('donetsk-oblast', 'Donetsk Oblast', 'region'),
      tag('donbas', 'Donbas', 'region', { mentions: [], via: ['donetsk-oblast'] }),
      tag('UA', 'Ukraine', 'country', { mentions: [], via: ['donbas'] }),
    ],
    ...over,
  };
}
