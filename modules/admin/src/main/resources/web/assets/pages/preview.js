// Preview as user: what the data plane would do with a statement from a user on a data source (the same
// binding and query guard; nothing runs upstream) — the visible catalog, the policies, and the rewrite or refusal.
import { all, post } from '../api.js';
import { h, field, table, badge, errorBox, busy } from '../dom.js';

const DECISIONS = {
  forward: ['forwarded (rewritten)', 'allowed'],
  refuse: ['refused', 'denied'],
  answer_locally: ['answered by the proxy', 'on'],
  session_control: ['session control', ''],
};

export async function render(view) {
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  const [users, sources] = await Promise.all([all('/api/v1/users'), all('/api/v1/datasources')]);
  const user = h('select', { id: 'pv-user', required: true }, h('option', { value: '' }, 'Choose a user'),
    users.map((u) => h('option', { value: u.id, selected: u.id === query.get('user_id') }, u.username)));
  const ds = h('select', { id: 'pv-datasource', required: true }, h('option', { value: '' }, 'Choose a data source'),
    sources.map((s) => h('option', { value: s.id, selected: s.id === query.get('datasource_id') }, s.name)));
  const sql = h('textarea', { id: 'pv-sql', rows: 5, required: true, spellcheck: 'false' });
  sql.value = 'SELECT * FROM ';
  const err = errorBox();
  err.id = 'pv-error';
  const out = h('div', { id: 'pv-result', 'aria-live': 'polite' });
  const run = h('button', { type: 'submit', id: 'pv-run' }, 'Preview');
  const form = h('form', { class: 'panel stack', onsubmit: (ev) => {
    ev.preventDefault();
    busy(run, err, async () => {
      out.replaceChildren();
      const r = await post('/api/v1/preview', { user_id: user.value, datasource_id: ds.value, sql: sql.value });
      out.replaceChildren(...result(r));
    });
  } }, h('div', { class: 'row' }, field('User', user), field('Data source', ds)),
  field('SQL', sql, 'One statement. It is checked as the data plane would check it and never sent upstream.'), h('div', {}, run), err);
  view.append(h('h1', {}, 'Preview as user'), form, out);
}

function result(r) {
  const [label, cls] = DECISIONS[r.decision] || [r.decision, ''];
  const decision = h('section', { class: 'panel', 'aria-label': 'Decision' },
    h('h2', { id: 'pv-decision', 'data-decision': r.decision }, 'Decision ', badge(label, cls)));
  if (r.decision === 'forward') {
    decision.append(h('h3', {}, 'Rewritten SQL (sent upstream)'), h('pre', { id: 'pv-rewritten' }, r.rewritten_sql),
      h('h3', {}, 'Policies that applied to this statement'), policyList(r.applied_policies, 'pv-applied'));
  } else if (r.decision === 'refuse') {
    decision.append(h('dl', { class: 'kv', id: 'pv-refusal' },
      h('dt', {}, 'SQLSTATE'), h('dd', { class: 'mono', id: 'pv-sqlstate' }, r.sqlstate),
      h('dt', {}, 'The client sees'), h('dd', {}, r.message),
      h('dt', {}, 'Why (audit only)'), h('dd', { class: 'error', id: 'pv-reason' }, r.reason || '—')));
  } else {
    decision.append(h('p', { class: 'muted' }, r.decision === 'answer_locally'
      ? 'The proxy answers this itself from its emulated catalog (' + r.message + ').'
      : 'A session or transaction control statement (' + r.message + '), handled by the proxy.'));
  }
  const policies = h('section', { class: 'panel', 'aria-label': 'Policies in force' },
    h('h2', {}, `Policies in force for ${r.username} on ${r.datasource_name}`), policyList(r.policies, 'pv-policies'));
  const catalog = h('section', { class: 'panel', 'aria-label': 'Visible catalog' }, h('h2', {}, 'Visible catalog'),
    table(['Relation', 'Columns'], r.visible_catalog.map((t) => h('tr', {},
      h('td', { class: 'mono' }, t.schema + '.' + t.table),
      h('td', {}, t.error ? h('span', { class: 'error' }, 'Refused: ' + t.error)
        : t.columns.map((c, i) => [i ? ', ' : '', h('span', { class: 'mono' }, c.name), h('span', { class: 'muted' }, ' ' + c.type),
          c.masked ? [' ', badge('masked', 'denied')] : null])))),
    'Relations the user can query, with the columns they see.'));
  catalog.id = 'pv-catalog';
  return [decision, policies, catalog];
}

function policyList(items, id) {
  if (!items || !items.length) return h('p', { class: 'muted', id }, 'None.');
  return h('ul', { id }, items.map((p) => h('li', {}, h('a', { href: '#/policies/' + encodeURIComponent(p.id) }, p.name),
    ` · ${p.type.replaceAll('_', ' ')} · v${p.version}`)));
}
