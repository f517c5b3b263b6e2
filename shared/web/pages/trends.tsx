/** @jsxImportSource hono/jsx */
// /trends: stories per day for the chosen actors and regions (each one a line), drawn with uPlot
// in the browser from numbers the server puts in a data attribute, and the same numbers as a table.
// A tag's line comes from the trend counters (queryTrends: one small read however many articles);
// the line of all articles, and any line narrowed by words, from the newest articles themselves.
import { perDay } from '../../query/days';
import { queryTrends } from '../../query/trends';
import { parseTimeBound } from '../../query';
import { sampleArticles } from '../../query/sample';
import { BadRequest, param, type WebDeps } from '../context';
import { href, plural } from '../format';
import { Layout } from '../layout';
import { readFilters } from './articles';

/** Newest articles read per line of the chart when the counters cannot answer it. */
export const TRENDS_SAMPLE = 300;

/** One line of the chart: per day, distinct stories and articles; `sampled` when counted from a sample of articles. */
interface Line {
  days: { day: string; stories: number; articles: number }[];
  sampled?: { articles: number; capped: boolean };
}
const MAX_LINES = 5;

/** GET /trends?actor=X&region=Y&since=30d&until= — one line per given tag (or one for all articles). */
export async function trendsPage(url: URL, deps: WebDeps) {
  const f = readFilters(url);
  const now = deps.now?.() ?? new Date();
  const sinceRaw = f.since || '30d';
  const since = parseTimeBound(sinceRaw, 'since', now);
  const until = f.until ? parseTimeBound(f.until, 'until', now) : now.toISOString();
  if (Date.parse(until) - Date.parse(since) > 366 * 86_400_000) throw new BadRequest('the period is longer than a year: choose a later since or an earlier until', { field: 'since' });
  const lines = [...f.actor.map((a) => ({ side: 'actor' as const, name: a })), ...f.region.map((r) => ({ side: 'region' as const, name: r }))];
  if (lines.length > MAX_LINES) throw new BadRequest(`at most ${MAX_LINES} actors and regions on one chart, got ${lines.length}`, { field: 'actor' });
  const asked = lines.length ? lines : [{ side: 'all' as const, name: 'all articles' }];
  const frame = perDay([], since, until);
  const series: Line[] = await Promise.all(
    asked.map(async (l): Promise<Line> => {
      if (l.side !== 'all' && deps.trends && !f.q && !f.salient) {
        const s = await queryTrends({ [l.side]: l.name, since, until, bucket: '1d' }, { trends: deps.trends, resolver: deps.resolver, now });
        const by = new Map(s.buckets.map((b) => [b.start.slice(0, 10), b]));
        return { days: frame.map((d) => ({ day: d.day, stories: by.get(d.day)?.stories ?? 0, articles: by.get(d.day)?.articles ?? 0 })) };
      }
      const sample = await sampleArticles(deps.store, { actors: l.side === 'actor' ? [l.name] : [], regions: l.side === 'region' ? [l.name] : [], text: f.q, salient: f.salient && l.side !== 'all', since, until }, TRENDS_SAMPLE, { resolver: deps.resolver, now });
      return { days: perDay(sample.items, since, until), sampled: { articles: sample.items.length, capped: sample.capped } };
    }),
  );
  const days = series.map((l) => l.days);
  const x = frame.map((d) => Date.parse(d.day) / 1000);
  const label = (l: (typeof asked)[number]) => (l.side === 'all' ? 'all articles' : `${l.side} ${l.name}`);
  const chart = { x, unit: 'stories per day', series: asked.map((l, i) => ({ label: label(l), values: days[i]!.map((d) => d.stories) })) };
  const capped = series.some((l) => l.sampled?.capped);
  return (
    <Layout title="Trends" section="/trends" where={deps.where} scripts={['/assets/uplot.js', '/assets/chart.js']} styles={['/assets/uplot.css']}>
      <form class="filters" method="get" action="/trends" aria-label="Choose what the chart shows">
        <p>
          <label for="t-actor">Actors</label>
          <input id="t-actor" name="actor" value={f.actor.join(', ')} placeholder="RU, NATO" />
        </p>
        <p>
          <label for="t-region">Regions</label>
          <input id="t-region" name="region" value={f.region.join(', ')} placeholder="Black Sea" />
        </p>
        <p>
          <label for="t-q">Words</label>
          <input id="t-q" name="q" type="search" value={f.q} />
        </p>
        <p>
          <label for="t-since">Since</label>
          <input id="t-since" name="since" value={sinceRaw} placeholder="30d" />
        </p>
        <p>
          <label for="t-until">Until</label>
          <input id="t-until" name="until" value={f.until} placeholder="now" />
        </p>
        <p>
          <button type="submit">Draw</button>
        </p>
      </form>
      <h2>Stories per day</h2>
      <div class="chart" data-chart={JSON.stringify(chart)} role="img" aria-label={`Line chart of stories per day: ${chart.series.map((s) => s.label).join(', ')}; the table below has the figures`}>
        <p class="hint">The chart needs JavaScript; the table below has the same figures.</p>
      </div>
      <p class="hint">
        {asked.map((l, i) => `${label(l)}: ${series[i]!.sampled ? `counted from ${plural(series[i]!.sampled!.articles, 'stored article')}` : 'from the trend counters'}`).join('; ')}
        {capped ? ` (a line counted from articles takes at most the newest ${TRENDS_SAMPLE} of the period)` : ''}.
      </p>
      <h2>Figures</h2>
      <table class="trend">
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            {asked.map((l) => (
              <th scope="col">{label(l)}: stories (articles)</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days[0]!.map((d, j) => (
            <tr>
              <th scope="row">{d.day}</th>
              {asked.map((l, i) => (
                <td>
                  <a href={href('/articles', { actor: l.side === 'actor' ? l.name : '', region: l.side === 'region' ? l.name : '', q: f.q, since: d.day, until: d.day })}>{days[i]![j]!.stories}</a> ({days[i]![j]!.articles})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
