// Replays a spike or watch rule over stored articles: when would it have fired? The same judgement
// as the live pass (readSpike on hourly cells of distinct stories), on cells counted in memory from
// the articles, judged at every hour boundary of the period. `rules test` shows the result.
import type { CompiledRule } from '../alerts/rules';
import { matchRule } from '../alerts/rules';
import type { TaggedArticle } from '../model';
import { hourOf, type HourCell } from '../store/counters';
import { ruleScope, storyOf, tagScopes } from './scopes';
import { readSpike, spikeSpan, type SpikeReading } from './spikes';

const HOUR_MS = 3_600_000;

/** One time the rule would have fired. */
export interface ReplayedSpike extends SpikeReading {
  /** The pass (hour boundary) it would have fired at. */
  at: string;
  scope: string;
  /** Watch rules: the surging tag's name. */
  name?: string;
}

/**
 * The surges a spike or watch rule would have alerted on between `from` and `to`, judged at each
 * hour boundary, once per surge. `articles` should reach back a baseline before `from`.
 */
export function replaySpikes(rule: CompiledRule, articles: readonly TaggedArticle[], from: number, to: number): ReplayedSpike[] {
  const spike = rule.spike;
  if (!spike) return [];
  // Distinct stories per scope and hour: each story counts in the hour of its first article in the scope.
  const first = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const a of articles) {
    const t = Date.parse(a.publishedAt);
    if (Number.isNaN(t)) continue;
    const scopes: string[] = [];
    if (rule.watch) {
      for (const s of tagScopes(a)) {
        if (s.side !== rule.watch.side || (rule.watch.kinds && !rule.watch.kinds.includes(s.tag.kind))) continue;
        scopes.push(s.scope);
        names.set(s.scope, s.tag.name);
      }
    } else if (matchRule(rule, a)) scopes.push(ruleScope(rule.id));
    for (const scope of scopes) {
      const stories = first.get(scope) ?? new Map<string, number>();
      const story = storyOf(a);
      if (!stories.has(story) || stories.get(story)! > t) stories.set(story, t);
      first.set(scope, stories);
    }
  }
  const out: ReplayedSpike[] = [];
  for (const [scope, stories] of first) {
    const perHour = new Map<string, { n: number; newest?: { t: number } }>();
    for (const t of stories.values()) {
      const h = hourOf(t);
      const c = perHour.get(h) ?? { n: 0 };
      c.n++;
      perHour.set(h, c);
    }
    let armed = true;
    for (let at = Math.ceil(from / HOUR_MS) * HOUR_MS; at <= to; at += HOUR_MS) {
      const now = new Date(at);
      const span = spikeSpan(spike, now);
      const cells: HourCell[] = [];
      for (let t = span.from; t < span.to; t += HOUR_MS) cells.push({ hour: hourOf(t), stories: perHour.get(hourOf(t))?.n ?? 0, articles: 0 });
      const r = readSpike(spike, cells, now);
      if (!r.surging) armed = true;
      else if (armed) {
        armed = false;
        out.push({ ...r, at: now.toISOString(), scope, ...(names.has(scope) ? { name: names.get(scope) } : {}) });
      }
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
