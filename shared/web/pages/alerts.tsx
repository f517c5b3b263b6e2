/** @jsxImportSource hono/jsx */
// /alerts: what was sent, newest first, by rule and time (the stored alert records).
import { queryAlerts } from '../../query';
import type { StoredAlert } from '../../store';
import { Pager } from '../components';
import { param, type WebDeps } from '../context';
import { shortTime } from '../format';
import { Layout } from '../layout';

/** A compact list of alerts: time, rule, severity, the article it was about. */
export function AlertList(p: { items: readonly StoredAlert[]; empty?: string }) {
  if (!p.items.length) return <p class="empty">{p.empty ?? 'No alerts sent yet.'}</p>;
  return (
    <ul class="alerts">
      {p.items.map((a) => (
        <li>
          <span class={`sev ${a.severity}`}>{a.severity}</span> <a href={`/rules#rule-${a.ruleId}`}>{a.ruleId}</a> · <time datetime={a.createdAt}>{shortTime(a.createdAt)}</time>
          {a.delivery === 'digest' ? ' · digest' : ''}
          {a.folded ? ' · folded into "and N more"' : ''}
          <br />
          <a href={`/articles/${encodeURIComponent(a.articleId)}`}>{a.message?.article?.title || a.articleId}</a>
        </li>
      ))}
    </ul>
  );
}

/** GET /alerts?rule=&since=&until=&delivery=&cursor= */
export async function alertsPage(url: URL, deps: WebDeps) {
  const q = { rule: param(url, 'rule'), since: param(url, 'since'), until: param(url, 'until'), delivery: param(url, 'delivery') };
  const page = await queryAlerts(deps.store, { ...q, limit: param(url, 'limit') || 50, cursor: param(url, 'cursor') || undefined }, { now: deps.now?.() });
  return (
    <Layout title="Alerts" section="/alerts" where={deps.where}>
      <form class="filters" method="get" action="/alerts" aria-label="Filter alerts">
        <p>
          <label for="a-rule">Rule id</label>
          <select id="a-rule" name="rule">
            <option value="">every rule</option>
            {deps.config.rules.map((r) => (
              <option value={r.id} selected={r.id === q.rule}>
                {r.name} ({r.id})
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="a-since">Since</label>
          <input id="a-since" name="since" value={q.since} placeholder="7d" />
        </p>
        <p>
          <label for="a-delivery">Delivery</label>
          <select id="a-delivery" name="delivery">
            <option value="">any</option>
            <option value="instant" selected={q.delivery === 'instant'}>
              instant
            </option>
            <option value="digest" selected={q.delivery === 'digest'}>
              digest
            </option>
          </select>
        </p>
        <p>
          <button type="submit">Filter</button>
        </p>
      </form>
      <h2>Sent alerts, newest first</h2>
      <AlertList items={page.items} empty="No alerts match." />
      <Pager next={page.cursor} path="/alerts" query={{ ...q, limit: param(url, 'limit') }} count={page.items.length} noun="alert" />
    </Layout>
  );
}
