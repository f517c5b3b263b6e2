/** @jsxImportSource hono/jsx */
// /map: countries shaded by the number of stories in the period, places with coordinates as points,
// and the same figures as tables (the map's text alternative). Drawn on the server as SVG.
import { storiesByPlace } from '../../query/places';
import { sampleArticles } from '../../query/sample';
import { param, type WebDeps } from '../context';
import { href, plural } from '../format';
import { worldMap } from '../geo-svg';
import { Layout } from '../layout';
import { readFilters, filterQuery } from './articles';

/** Newest matching articles a map is drawn from. */
export const MAP_SAMPLE = 300;

/** GET /map?since=&until=&actor=&region=&q= */
export async function mapPage(url: URL, deps: WebDeps) {
  const f = readFilters(url);
  const since = f.since || '7d';
  const sample = await sampleArticles(deps.store, { actors: f.actor, regions: f.region, salient: f.salient, text: f.q, since, until: f.until }, MAP_SAMPLE, { resolver: deps.resolver, now: deps.now?.() });
  const counts = storiesByPlace(sample.items);
  const map = worldMap();
  const byCode = new Map(counts.countries.map((c) => [c.code, c.stories]));
  const max = Math.max(1, ...byCode.values());
  // Five shades on a square-root scale: one story already shows, the busiest country is darkest.
  const shade = (n: number) => (n ? `s${Math.min(5, 1 + Math.floor((Math.sqrt(n) / Math.sqrt(max)) * 4.999))}` : '');
  const maxPlace = Math.max(1, ...counts.places.map((p) => p.stories));
  const q = { ...filterQuery(f), since };
  return (
    <Layout title="Map" section="/map" where={deps.where}>
      <form class="filters" method="get" action="/map" aria-label="Choose the period and filters of the map">
        <p>
          <label for="m-since">Since</label>
          <input id="m-since" name="since" value={since} placeholder="7d" />
        </p>
        <p>
          <label for="m-until">Until</label>
          <input id="m-until" name="until" value={f.until} placeholder="now" />
        </p>
        <p>
          <label for="m-actor">Actor</label>
          <input id="m-actor" name="actor" value={f.actor.join(', ')} placeholder="RU" />
        </p>
        <p>
          <label for="m-region">Region</label>
          <input id="m-region" name="region" value={f.region.join(', ')} placeholder="Europe" />
        </p>
        <p>
          <button type="submit">Draw</button>
        </p>
      </form>
      <p class="hint">
        {plural(sample.items.length, 'article')} since {since}
        {sample.capped ? ` (the newest ${MAP_SAMPLE}; older ones are left out)` : ''}, {plural(counts.countries.length, 'country', 'countries')} with stories, {plural(counts.places.length, 'place')} with coordinates.
      </p>
      <figure>
        <svg class="map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="map-title">
          <title id="map-title">Stories per country{counts.places.length ? ' and per place' : ''} since {since}</title>
          {map.countries.map((c) => {
            const n = byCode.get(c.code) ?? 0;
            return (
              <path class={n ? `country ${shade(n)}` : 'country'} d={c.d} data-code={c.code || undefined} data-stories={n || undefined}>
                <title>{`${c.name}: ${plural(n, 'story', 'stories')}`}</title>
              </path>
            );
          })}
          {counts.places.map((p) => {
            const xy = map.project(p.lon, p.lat);
            return xy ? (
              <circle class="place" cx={xy[0]} cy={xy[1]} r={(2 + 6 * Math.sqrt(p.stories / maxPlace)).toFixed(1)} data-place={p.id}>
                <title>{`${p.name}: ${plural(p.stories, 'story', 'stories')}`}</title>
              </circle>
            ) : (
              ''
            );
          })}
        </svg>
        <figcaption class="legend">
          Shade: stories per country, lightest 1, darkest {max}. Points: places named in the articles, sized by stories.
        </figcaption>
      </figure>
      <div class="columns even">
        <section aria-labelledby="c-h">
          <h2 id="c-h">Countries</h2>
          <CountTable rows={counts.countries.slice(0, 30).map((c) => ({ name: map.names.get(c.code) ?? c.code, n: c.stories, link: href('/articles', { ...q, region: [...f.region, c.code] }) }))} />
        </section>
        <section aria-labelledby="p-h">
          <h2 id="p-h">Places</h2>
          {counts.places.length ? (
            <CountTable rows={counts.places.slice(0, 30).map((p) => ({ name: p.name, n: p.stories, link: href('/articles', { ...q, region: [...f.region, p.id] }) }))} />
          ) : (
            <p class="empty">No place in these articles carries coordinates.</p>
          )}
        </section>
      </div>
    </Layout>
  );
}

function CountTable(p: { rows: { name: string; n: number; link: string }[] }) {
  if (!p.rows.length) return <p class="empty">None.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Stories</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={r.link}>{r.name}</a>
            </th>
            <td>{r.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
