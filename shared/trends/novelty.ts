// Novelty rules: alert the first time an actor and a region appear together in a story after
// `quietDays` without (e.g. a armed group in a new country). One alert per (rule, story), naming
// every pair that is new in it.
import { formatSms, SUBJECT_MAX } from '../alerts/format';
import type { CompiledRule } from '../alerts/rules';
import { truncate } from '../alerts/text';
import type { AlertMessage, Tag, TagKind, TaggedArticle } from '../model';
import type { TrendStore } from '../store/counters';

const DAY_MS = 86_400_000;
/** Actors and regions an article contributes at most (by salience): bounds the pair writes per story. */
const MAX_PER_SIDE = 5;
const DEFAULT_ACTOR_KINDS: TagKind[] = ['organization', 'institution', 'person'];
const DEFAULT_REGION_KINDS: TagKind[] = ['country'];

/** A pair seen together for the first time in the quiet period. */
export interface NovelPair {
  actor: Tag;
  region: Tag;
  /** When they were last together, or undefined: never since counting began. */
  lastSeen?: string;
}

/** What the novelty pass needs. */
export interface NoveltyDeps {
  trends: TrendStore;
  publish: (m: AlertMessage) => Promise<void>;
  /** Claims (rule, story) like any alert, so a retried batch does not alert twice. */
  claim: (ruleId: string, article: TaggedArticle, message: AlertMessage) => Promise<boolean>;
  now: Date;
}

/** The pairs an article forms under a rule: its most salient actors and regions of the configured kinds. */
export function pairsOf(rule: CompiledRule, a: TaggedArticle): { actor: Tag; region: Tag }[] {
  const actorKinds = rule.novel?.actorKinds ?? DEFAULT_ACTOR_KINDS;
  const regionKinds = rule.novel?.regionKinds ?? DEFAULT_REGION_KINDS;
  // Actors must be named in the text; a country may be rolled up from a city (Bamako → Mali).
  const actors = (a.actors ?? []).filter((t) => actorKinds.includes(t.kind) && t.mentions.length > 0).slice(0, MAX_PER_SIDE);
  const regions = (a.regions ?? []).filter((t) => regionKinds.includes(t.kind)).slice(0, MAX_PER_SIDE);
  return actors.flatMap((actor) => regions.map((region) => ({ actor, region })));
}

/** Looks at the stories new to each novelty rule and alerts on those with a pair new after the quiet period. */
export async function evaluateNovelty(rules: readonly CompiledRule[], candidates: ReadonlyMap<string, TaggedArticle[]>, deps: NoveltyDeps): Promise<{ sent: number }> {
  const novelRules = rules.filter((r) => r.novel && candidates.get(r.id)?.length);
  if (!novelRules.length) return { sent: 0 };
  const since = Date.parse(await deps.trends.countingSince(deps.now));
  let sent = 0;
  for (const rule of novelRules) {
    const quietMs = rule.novel!.quietDays * DAY_MS;
    for (const a of candidates.get(rule.id)!) {
      const at = new Date(Math.min(Date.parse(a.publishedAt) || deps.now.getTime(), deps.now.getTime())).toISOString();
      const fresh: NovelPair[] = [];
      for (const p of pairsOf(rule, a)) {
        const last = await deps.trends.touchPair(p.actor.id, p.region.id, at, deps.now);
        const quietSince = last === undefined ? since : Date.parse(last);
        // A pair never seen is news only when counting has run for the whole quiet period.
        if (Date.parse(at) - quietSince >= quietMs) fresh.push({ ...p, ...(last ? { lastSeen: last } : {}) });
      }
      if (!fresh.length) continue;
      const message = formatNovel(rule, a, fresh, new Date(since));
      if (!(await deps.claim(rule.id, a, message))) continue;
      await deps.publish(message);
      sent++;
    }
  }
  return { sent };
}

/** "Wagner Group and Mali together for the first time in 30 days (last together: 2026-09-02); story: …". */
export function formatNovel(rule: CompiledRule, a: TaggedArticle, pairs: NovelPair[], since: Date): AlertMessage {
  const days = rule.novel!.quietDays;
  const title = a.title.replace(/\s+/g, ' ').trim() || '(untitled article)';
  const said = pairs.map((p) => `${p.actor.name} and ${p.region.name} together for the first time in ${days} days (last together: ${p.lastSeen ? p.lastSeen.slice(0, 10) : `never since counting began on ${since.toISOString().slice(0, 10)}`})`);
  const first = pairs[0]!;
  const lines = [
    `${rule.name} (rule ${rule.id}, ${rule.severity}): new ground`,
    '',
    ...said,
    '',
    `Story:     ${title}`,
    `Source:    ${a.feedName}`,
    `Published: ${a.publishedAt.slice(0, 16).replace('T', ' ')} UTC`,
    `Link:      ${a.url || '(the feed gave no link)'}`,
    ...(rule.query ? ['', `Rule:      ${rule.query}`] : []),
    '',
    '-- ',
    `news-monitor novel ${rule.id}/${a.id}`,
  ];
  const head = `${first.actor.name} + ${first.region.name}${pairs.length > 1 ? ` and ${pairs.length - 1} more` : ''}`;
  return {
    kind: 'novel',
    ruleId: rule.id,
    severity: rule.severity,
    delivery: 'instant',
    tags: [...new Set(pairs.flatMap((p) => [p.actor.id, p.region.id]))],
    article: { id: a.id, url: a.url, title, publishedAt: a.publishedAt, feedName: a.feedName },
    actors: [...new Set(pairs.map((p) => p.actor.id))],
    regions: [...new Set(pairs.map((p) => p.region.id))],
    email: { subject: truncate(`[${rule.severity}] ${rule.name}: ${head}, first time in ${days} days`, SUBJECT_MAX), body: lines.join('\n') },
    sms: formatSms(`[${rule.severity.toUpperCase()}] ${rule.id}: ${head} new in ${days}d: `, title, a.url),
  };
}
