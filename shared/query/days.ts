// Distinct stories and articles per UTC day of a set of articles, for the trends chart (until the
// store keeps per-day counts of its own).
import type { TaggedArticle } from '../model';
import { storyOf } from './sample';

/** Distinct stories and articles per UTC day from `from` to `to` (ISO instants), every day listed. */
export function perDay(articles: readonly TaggedArticle[], from: string, to: string): { day: string; stories: number; articles: number }[] {
  const days = new Map<string, { stories: Set<string>; articles: number }>();
  const start = Date.parse(from.slice(0, 10));
  const end = Date.parse(to.slice(0, 10));
  for (let t = start; t <= end && days.size < 1000; t += 86_400_000) days.set(new Date(t).toISOString().slice(0, 10), { stories: new Set(), articles: 0 });
  for (const a of articles) {
    const d = days.get(a.publishedAt.slice(0, 10));
    if (!d) continue;
    d.stories.add(storyOf(a));
    d.articles++;
  }
  return [...days].map(([day, d]) => ({ day, stories: d.stories.size, articles: d.articles }));
}
