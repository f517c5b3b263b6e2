// Spike rules (DESIGN.md §5): a rule alerts when the distinct stories matching it in the trailing
// window reach `min` and `factor` × the mean per window over the baseline before it; once per surge,
// re-armed when the count falls back under that threshold. A watch rule does the same for every tag
// of its side and kinds, one alert per surging tag.
import { formatSms, SUBJECT_MAX } from '../alerts/format';
import type { CompiledRule, CompiledSpike } from '../alerts/rules';
import { truncate } from '../alerts/text';
import type { AlertMessage, Tag, TaggedArticle } from '../model';
import type { HourCell, SpikeState, TrendStore } from '../store/counters';
import { eachLimit } from '../store/pool';
import type { TouchedScope } from './count';
import { formatDuration } from './duration';
import { parseTagScope, ruleScope } from './scopes';

const HOUR_MS = 3_600_000;
/** Window reads in flight at once. */
const READS_IN_FLIGHT = 8;

/** The numbers a spike is judged on, for one scope at one moment. */
export interface SpikeReading {
  /** Distinct stories in the window. */
  stories: number;
  /** Mean stories per window over the baseline period before it. */
  expected: number;
  /** The count the window must reach: max(min, factor × expected). */
  threshold: number;
  surging: boolean;
  window: { from: string; to: string };
  /** The article of the newest story counted in the window. */
  newestArticleId?: string;
}

/** Counts are kept per clock hour: a window is its length in whole hours (at least one), ending with the hour `now` is in. */
export function spikeSpan(spike: CompiledSpike, now: Date): { from: number; windowFrom: number; to: number; windowHours: number; baselineHours: number } {
  const windowHours = Math.max(1, Math.round(spike.windowMs / HOUR_MS));
  const baselineHours = Math.max(windowHours, Math.round(spike.baselineMs / HOUR_MS));
  // Hours that start before `now`: at 12:00 the 6 h window is 06:00–12:00; at 12:30 it is 07:00–13:00 (the current hour so far).
  const to = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  const windowFrom = to - windowHours * HOUR_MS;
  return { from: windowFrom - baselineHours * HOUR_MS, windowFrom, to, windowHours, baselineHours };
}

/** Judges one scope's hourly cells (from spikeSpan's `from` to its `to`) against a spike rule. */
export function readSpike(spike: CompiledSpike, cells: HourCell[], now: Date): SpikeReading {
  const span = spikeSpan(spike, now);
  const inWindow = cells.slice(cells.length - span.windowHours);
  const baseline = cells.slice(0, cells.length - span.windowHours);
  const stories = inWindow.reduce((n, c) => n + c.stories, 0);
  const expected = (baseline.reduce((n, c) => n + c.stories, 0) * span.windowHours) / span.baselineHours;
  const threshold = Math.max(spike.min, spike.factor * expected);
  const newest = [...inWindow].reverse().find((c) => c.newest)?.newest;
  return {
    stories,
    expected: Math.round(expected * 100) / 100,
    threshold,
    surging: stories >= threshold,
    window: { from: new Date(now.getTime() - spike.windowMs).toISOString(), to: now.toISOString() },
    ...(newest ? { newestArticleId: newest } : {}),
  };
}

/** What the spike pass needs. */
export interface SpikeDeps {
  trends: TrendStore;
  /** The newest story's article, for the alert (the article store's getArticle). */
  getArticle: (id: string) => Promise<TaggedArticle | undefined>;
  publish: (m: AlertMessage) => Promise<void>;
  now: Date;
}

/** One scope a spike rule is judged on in this pass. */
interface Candidate {
  rule: CompiledRule;
  scope: string;
  tag?: Tag;
  state?: SpikeState;
}

/**
 * Judges every spike and watch rule where something changed: scopes that received a new story in
 * this batch (only they can start a surge) and scopes whose surge has fired and may have ended
 * (to re-arm them). Returns the alerts sent.
 */
export async function evaluateSpikes(rules: readonly CompiledRule[], touched: ReadonlyMap<string, TouchedScope>, deps: SpikeDeps): Promise<{ sent: number; judged: number }> {
  const spikeRules = rules.filter((r) => r.spike);
  if (!spikeRules.length) return { sent: 0, judged: 0 };
  const states = await deps.trends.spikeStates();
  const stateOf = new Map(states.map((s) => [`${s.ruleId}\u0000${s.scope}`, s]));
  const candidates = new Map<string, Candidate>();
  const add = (c: Candidate) => candidates.set(`${c.rule.id}\u0000${c.scope}`, { ...c, state: stateOf.get(`${c.rule.id}\u0000${c.scope}`) });
  for (const rule of spikeRules) {
    if (rule.watch) {
      for (const t of touched.values()) if (t.tag && t.side === rule.watch.side && (!rule.watch.kinds || rule.watch.kinds.includes(t.tag.kind))) add({ rule, scope: t.scope, tag: t.tag });
    } else if (touched.has(ruleScope(rule.id))) add({ rule, scope: ruleScope(rule.id) });
  }
  const byId = new Map(spikeRules.map((r) => [r.id, r]));
  for (const s of states) {
    const rule = byId.get(s.ruleId);
    if (rule && !candidates.has(`${s.ruleId}\u0000${s.scope}`)) add({ rule, scope: s.scope });
  }
  let sent = 0;
  // First the windows alone, by key in a few batch reads: a scope under the rule's minimum is not
  // surging whatever its baseline, and most scopes are. Only the others read their baseline.
  const windows = new Map<string, Map<string, number>>();
  for (const c of candidates.values()) {
    const span = spikeSpan(c.rule.spike!, deps.now);
    const k = `${span.windowFrom}\u0000${span.to}`;
    if (!windows.has(k)) windows.set(k, new Map());
    windows.get(k)!.set(c.scope, 0);
  }
  for (const [k, scopes] of windows) {
    const [from, to] = k.split('\u0000').map(Number) as [number, number];
    for (const [scope, n] of await deps.trends.windowStories([...scopes.keys()], from, to)) scopes.set(scope, n);
  }
  await eachLimit([...candidates.values()], READS_IN_FLIGHT, async (c) => {
    const spike = c.rule.spike!;
    const span = spikeSpan(spike, deps.now);
    if (windows.get(`${span.windowFrom}\u0000${span.to}`)!.get(c.scope)! < spike.min) {
      if (c.state) await deps.trends.releaseSpike(c.rule.id, c.scope);
      return;
    }
    const reading = readSpike(spike, await deps.trends.readHours(c.scope, span.from, span.to), deps.now);
    if (!reading.surging) {
      if (c.state) await deps.trends.releaseSpike(c.rule.id, c.scope);
      return;
    }
    if (c.state) return; // still the same surge
    const claimed = await deps.trends.claimSpike({ ruleId: c.rule.id, scope: c.scope, firedAt: deps.now.toISOString(), stories: reading.stories }, deps.now);
    if (!claimed) return;
    const article = reading.newestArticleId ? await deps.getArticle(reading.newestArticleId) : undefined;
    await deps.publish(formatSpike(c.rule, reading, article, c.tag ?? tagFrom(article, c.scope)));
    sent++;
  });
  return { sent, judged: candidates.size };
}

function tagFrom(article: TaggedArticle | undefined, scope: string): Tag | undefined {
  const t = parseTagScope(scope);
  if (!t || !article) return undefined;
  return (t.side === 'actor' ? article.actors : article.regions)?.find((x) => x.id === t.id);
}

/** The spike alert: "9 stories about Moldova in the last 6 h; 0.8 expected from the previous 14 days; newest: …". */
export function formatSpike(rule: CompiledRule, r: SpikeReading, article: TaggedArticle | undefined, tag: Tag | undefined): AlertMessage {
  const spike = rule.spike!;
  const about = tag ? `about ${tag.name}` : `matching ${rule.name}`;
  const title = article?.title?.replace(/\s+/g, ' ').trim() || '(the newest story was not found)';
  const explained = `${r.stories} ${r.stories === 1 ? 'story' : 'stories'} ${about} in the last ${humanDuration(spike.windowMs)}; ${r.expected} expected from the previous ${humanDuration(spike.baselineMs)}; newest: ${title}`;
  const lines = [
    `${rule.name} (rule ${rule.id}, ${rule.severity}): a surge`,
    '',
    explained,
    '',
    `Window:    ${r.window.from.slice(0, 16).replace('T', ' ')} – ${r.window.to.slice(0, 16).replace('T', ' ')} UTC`,
    `Threshold: ${Math.round(r.threshold * 100) / 100} (at least ${spike.min}, and ${spike.factor} × the ${r.expected} expected)`,
    ...(rule.query ? [`Rule:      ${rule.query}`] : []),
    ...(rule.watch ? [`Watching:  every ${rule.watch.side}${rule.watch.kinds ? ` of kind ${rule.watch.kinds.join(', ')}` : ''}`] : []),
    '',
    `Newest:    ${title}`,
    ...(article ? [`Source:    ${article.feedName}`, `Published: ${article.publishedAt.slice(0, 16).replace('T', ' ')} UTC`, `Link:      ${article.url || '(the feed gave no link)'}`] : []),
    '',
    'This rule alerts once per surge: it sends again only after the count has fallen back under the threshold.',
    '',
    '-- ',
    `news-monitor spike ${rule.id}${tag ? `/${tag.id}` : ''}`,
  ];
  const head = `[${rule.severity}] ${rule.name}: ${r.stories} stories ${tag ? `about ${tag.name} ` : ''}in ${formatDuration(spike.windowMs)} (${r.expected} expected)`;
  const sms = formatSms(`[${rule.severity.toUpperCase()}] ${rule.id}: ${r.stories} stories ${tag ? `about ${tag.name} ` : ''}in ${formatDuration(spike.windowMs)}, ${r.expected} expected: `, title, article?.url ?? '');
  return {
    kind: 'spike',
    ruleId: rule.id,
    severity: rule.severity,
    delivery: 'instant',
    stories: r.stories,
    expected: r.expected,
    window: r.window,
    ...(tag ? { tags: [tag.id] } : {}),
    article: { id: article?.id ?? '', url: article?.url ?? '', title, publishedAt: article?.publishedAt ?? r.window.to, ...(article ? { feedName: article.feedName } : {}) },
    actors: rule.watch?.side === 'actor' && tag ? [tag.id] : ids(article?.actors),
    regions: rule.watch?.side === 'region' && tag ? [tag.id] : ids(article?.regions),
    email: { subject: truncate(head, SUBJECT_MAX), body: lines.join('\n') },
    sms,
  };
}

/** "6 h", "14 days", "30 min": how the explanation says a duration. */
export function humanDuration(ms: number): string {
  const d = formatDuration(ms);
  const n = Number(d.slice(0, -1));
  const unit = d.slice(-1);
  return unit === 'd' ? `${n} ${n === 1 ? 'day' : 'days'}` : unit === 'h' ? `${n} h` : `${n} min`;
}

function ids(tags: Tag[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.id))].slice(0, 50);
}
