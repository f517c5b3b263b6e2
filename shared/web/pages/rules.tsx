/** @jsxImportSource hono/jsx */
// /rules: the configured rules with the alerts each sent, and a box to try any rule or query on the
// stored articles (?test=QUERY), each match with the reasons it matched.
import type { RuleConfig } from '../../model';
import { parseTimeBound, QueryError, queryAlerts } from '../../query';
import { testRule, type RuleTestResult } from '../../query/rule-test';
import { decodeCursor, encodeCursor, InvalidCursorError, isArticlePosition, type StoredAlert } from '../../store';
import { param, type WebDeps } from '../context';
import { href, plural, shortTime } from '../format';
import { Layout } from '../layout';
import { reasons, ruleFromInput } from '../rules';
import { AlertList } from './alerts';

/** Stored articles one page of a test looks at, newest first; "Older articles" goes on from there. */
export const TEST_PAGE_ARTICLES = 300;
const SHOWN = 50;

/** GET /rules?test=QUERY&since=T */
export async function rulesPage(url: URL, deps: WebDeps) {
  const test = param(url, 'test');
  const sinceRaw = param(url, 'since');
  const now = deps.now?.() ?? new Date();
  const since = sinceRaw ? parseTimeBound(sinceRaw, 'since', now) : undefined;
  const rule = test ? ruleFromInput(test, deps.config, 'test') : undefined;
  // A cursor belongs to one rule query and one since.
  const binding = JSON.stringify(['rule-test', rule?.query ?? '', sinceRaw]);
  const cursor = param(url, 'cursor');
  let start;
  try {
    start = cursor ? decodeCursor(cursor, binding, isArticlePosition) : undefined;
  } catch (err) {
    if (err instanceof InvalidCursorError) throw new QueryError(err.message, { field: 'cursor', cause: err });
    throw err;
  }
  const [result, sent] = await Promise.all([
    rule ? testRule(rule, deps.store, { since, maxArticles: TEST_PAGE_ARTICLES, start }) : undefined,
    Promise.all(deps.config.rules.map((r) => queryAlerts(deps.store, { rule: r.id, limit: 5 }, { now }).then((p) => p.items))),
  ]);
  return (
    <Layout title="Rules" section="/rules" where={deps.where}>
      <form class="filters" method="get" action="/rules" aria-label="Test a rule">
        <p class="wide">
          <label for="r-test">Rule id or query to test</label>
          <input id="r-test" name="test" value={test} placeholder='actor:RU AND region:UA AND (attack* OR "military buildup")' />
        </p>
        <p>
          <label for="r-since">Since</label>
          <input id="r-since" name="since" value={sinceRaw} placeholder="7d" />
        </p>
        <p>
          <button type="submit">Test on stored articles</button>
        </p>
      </form>
      {result && rule ? <TestResult query={rule.query} test={test} r={result} older={result.next && href('/rules', { test, since: sinceRaw, cursor: encodeCursor(result.next, binding) })} continued={Boolean(start)} /> : ''}
      <h2>Configured rules</h2>
      {deps.config.rules.length ? deps.config.rules.map((r, i) => <RuleBlock r={r} sent={sent[i] ?? []} />) : <p class="empty">The config has no rules.</p>}
    </Layout>
  );
}

function RuleBlock(p: { r: RuleConfig; sent: StoredAlert[] }) {
  return (
    <section class="rule" id={`rule-${p.r.id}`} aria-labelledby={`rule-h-${p.r.id}`}>
      <h3 id={`rule-h-${p.r.id}`}>
        {p.r.name} <span class={`sev ${p.r.severity}`}>{p.r.severity}</span>
      </h3>
      <p>
        {p.r.query ? <code>{p.r.query}</code> : ''}
        {extras(p.r).map((x) => (
          <span class="hint"> · {x}</span>
        ))}
      </p>
      <p>
        <a href={href('/rules', { test: p.r.id })}>Test it on stored articles</a> · <a href={href('/alerts', { rule: p.r.id })}>All its alerts</a> · <a href={href('/rss', { q: p.r.id })}>RSS of its matches</a>
      </p>
      <h4>Latest alerts it sent</h4>
      <AlertList items={p.sent} empty="None yet." />
    </section>
  );
}

/** What a rule adds to its query (weighted terms, spikes, watches, novelty), in words. */
function extras(r: RuleConfig): string[] {
  const out: string[] = [];
  if (r.terms) out.push(`${Object.keys(r.terms).length} weighted terms, threshold ${r.threshold}`);
  if (r.watch) out.push(`watches every ${r.watch.side}${r.watch.kinds ? ` (${r.watch.kinds.join(', ')})` : ''}`);
  if (r.spike) out.push(`alerts on a surge: ${r.spike.window} against ${r.spike.baseline}, ×${r.spike.factor}, at least ${r.spike.min} stories`);
  if (r.novel) out.push(`alerts when an actor and a region first meet after ${r.novel.quietDays} quiet days`);
  return out;
}

function TestResult(p: { query: string; test: string; r: RuleTestResult; older: string | null; continued: boolean }) {
  const r = p.r;
  const alerts = r.matches.filter((m) => !m.duplicateOf).length;
  return (
    <section class="test" aria-labelledby="test-h">
      <h2 id="test-h">Test: {p.query}</h2>
      <p>
        {plural(r.examined, p.continued ? 'older stored article' : 'stored article')} looked at{r.walked ? ` (those tagged ${r.walked.side}:${r.walked.id})` : ''}
        {r.capped ? `, ${TEST_PAGE_ARTICLES} a page` : ''}: {plural(r.matches.length, 'match', 'matches')}, {plural(alerts, 'alert')} (one per story).{' '}
        <a href={href('/rss', { q: p.query })}>Follow as RSS</a>
      </p>
      <ol class="articles">
        {r.matches.slice(0, SHOWN).map((m) => (
          <li>
            <a class="title" href={`/articles/${encodeURIComponent(m.article.id)}`}>
              {m.article.title || '(no title)'}
            </a>
            <div class="meta">
              <time datetime={m.article.publishedAt}>{shortTime(m.article.publishedAt)}</time> · {m.article.feedName}
            </div>
            <div class="why">Why: {reasons(m.why, m.article)}</div>
            {m.duplicateOf ? <div class="hint">Same story as an earlier match: no second alert.</div> : ''}
          </li>
        ))}
      </ol>
      {r.matches.length > SHOWN ? <p class="hint">{plural(r.matches.length - SHOWN, 'more match', 'more matches')} not shown.</p> : ''}
      <nav class="pager" aria-label="Pages">
        <span>{r.matches.length ? `newest first` : ''}</span>
        {p.older ? (
          <a rel="next" href={p.older}>
            Older articles →
          </a>
        ) : (
          <span>every stored article looked at</span>
        )}
      </nav>
    </section>
  );
}
