/** @jsxImportSource hono/jsx */
// /feeds: the health of every configured feed (and of feeds the store knows that the config no
// longer lists), as `news-monitor feeds` shows it.
import { feedStatuses, type FeedStatus } from '../../feeds/status';
import type { WebDeps } from '../context';
import { shortTime } from '../format';
import { Layout } from '../layout';

const LABEL: Record<FeedStatus['status'], string> = { ok: 'ok', failing: 'failing', paused: 'paused', 'never-read': 'not read yet' };

/** GET /feeds */
export async function feedsPage(deps: WebDeps) {
  const states = await deps.store.listFeedStates();
  const configured = feedStatuses(deps.config.feeds, states);
  const known = new Set(deps.config.feeds.map((f) => f.url));
  const others = feedStatuses(
    states.filter((s) => !known.has(s.url)).map((s) => ({ url: s.url, name: s.name })),
    states,
  );
  return (
    <Layout title="Feeds" section="/feeds" where={deps.where}>
      <h2>Configured feeds</h2>
      <FeedTable rows={configured} />
      {others.length ? (
        <>
          <h2>Other feeds in the store</h2>
          <p class="hint">Read by an earlier run with another config.</p>
          <FeedTable rows={others} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function FeedTable(p: { rows: FeedStatus[] }) {
  if (!p.rows.length) return <p class="empty">No feeds.</p>;
  return (
    <table class="feeds">
      <thead>
        <tr>
          <th scope="col">Feed</th>
          <th scope="col">Status</th>
          <th scope="col">Last success</th>
          <th scope="col">Failures</th>
          <th scope="col">Next attempt</th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr>
            <th scope="row">
              {r.name}
              <br />
              <span class="url">{r.url}</span>
            </th>
            <td>
              <span class={`status ${r.status}`}>{LABEL[r.status]}</span>
            </td>
            <td>{shortTime(r.lastSuccessAt)}</td>
            <td>{r.consecutiveFailures}</td>
            <td>{r.status === 'ok' || r.status === 'never-read' ? '–' : shortTime(r.nextAttemptAt)}</td>
            <td>{r.lastError ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
