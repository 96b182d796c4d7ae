// Query audit: filters, a paginated list, and for a row the original and rewritten SQL side by side.
import { get, all, seg, withQuery } from '../api.js';
import { h, field, table, pager, badge, errorBox, busy, fmtTime } from '../dom.js';

export async function render(view) {
  const [users, sources] = await Promise.all([all('/api/v1/users'), all('/api/v1/datasources')]);
  const user = h('select', { id: 'qa-user' }, h('option', { value: '' }, 'Any user'), users.map((u) => h('option', { value: u.id }, u.username)));
  const ds = h('select', { id: 'qa-datasource' }, h('option', { value: '' }, 'Any data source'), sources.map((s) => h('option', { value: s.id }, s.name)));
  const status = h('select', { id: 'qa-status' }, h('option', { value: '' }, 'Any status'),
    ['allowed', 'denied', 'error', 'cancelled'].map((s) => h('option', { value: s }, s)));
  const search = h('input', { type: 'search', id: 'qa-search' });
  const from = h('input', { type: 'datetime-local', id: 'qa-from' });
  const to = h('input', { type: 'datetime-local', id: 'qa-to' });
  const err = errorBox();
  err.id = 'qa-error';
  const list = h('div', { id: 'qa-list' });
  const detail = h('div', { id: 'qa-detail' });
  let page = 1;
  const iso = (input) => (input.value ? new Date(input.value).toISOString() : '');
  async function load() {
    const r = await get(withQuery('/api/v1/audit/queries', { user_id: user.value, datasource_id: ds.value, status: status.value,
      search: search.value.trim(), from: iso(from), to: iso(to), page, page_size: 25 }));
    list.replaceChildren(table(['When', 'User', 'Data source', 'Status', 'SQL', ''], r.data.map((q) => {
      const open = h('button', { type: 'button', class: 'secondary', 'data-audit-id': q.id, onclick: () => showDetail(q) }, 'Open');
      return h('tr', {}, h('td', {}, fmtTime(q.created_at)), h('td', {}, q.username || '—'), h('td', {}, q.datasource_name || '—'),
        h('td', {}, badge(q.status, q.status)), h('td', { class: 'mono' }, short(q.original_query)), h('td', {}, open));
    })), pager(r, (p) => { page = p; busy(null, err, load); }));
  }
  function showDetail(q) {
    detail.replaceChildren(h('section', { class: 'panel', 'aria-label': 'Query detail' },
      h('div', { class: 'spread' }, h('h2', {}, 'Statement ', badge(q.status, q.status)),
        h('button', { type: 'button', class: 'secondary', onclick: () => detail.replaceChildren() }, 'Close')),
      h('dl', { class: 'kv' },
        h('dt', {}, 'When'), h('dd', {}, fmtTime(q.created_at)),
        h('dt', {}, 'User'), h('dd', {}, q.username || '—'),
        h('dt', {}, 'Data source'), h('dd', {}, q.datasource_name || '—'),
        h('dt', {}, 'Client'), h('dd', {}, [q.client_addr, q.application_name ? 'App: ' + q.application_name : null].filter(Boolean).join(' · ') || '—'),
        h('dt', {}, 'Protocol'), h('dd', {}, q.protocol || '—'),
        h('dt', {}, 'Timing'), h('dd', {}, `guard ${q.guard_micros ?? '—'} µs · total ${q.execution_time_micros ?? '—'} µs`),
        h('dt', {}, 'Rows'), h('dd', {}, q.rows_returned ?? '—'),
        q.sqlstate ? [h('dt', {}, 'SQLSTATE'), h('dd', { class: 'mono' }, q.sqlstate)] : null,
        q.error_message || q.reason ? [h('dt', {}, 'Why'), h('dd', { class: 'error' }, q.error_message || q.reason)] : null),
      h('div', { class: 'side-by-side' },
        h('div', {}, h('h3', {}, 'Original SQL'), h('pre', { id: 'qa-original' }, q.original_query || '')),
        h('div', {}, h('h3', {}, 'Rewritten SQL'), h('pre', { id: 'qa-rewritten' }, q.rewritten_query || '(not rewritten)'))),
      h('h3', {}, 'Policies that applied'),
      (q.policies_applied || []).length
        ? h('ul', { id: 'qa-policies' }, q.policies_applied.map((p) => h('li', {}, h('a', { href: '#/policies/' + seg(p.id) }, p.name), ' v' + p.version)))
        : h('p', { class: 'muted', id: 'qa-policies' }, 'None.')));
    const heading = detail.querySelector('h2');
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    detail.scrollIntoView({ block: 'start' });
  }
  const apply = h('button', { type: 'submit', id: 'qa-apply' }, 'Apply filters');
  view.append(h('h1', {}, 'Query audit'), h('form', { class: 'panel row', onsubmit: (ev) => {
    ev.preventDefault(); page = 1; busy(apply, err, load);
  } }, field('User', user), field('Data source', ds), field('Status', status), field('SQL contains', search),
  field('From', from), field('To', to), apply), err, list, detail);
  await load();
}

function short(sql) {
  if (!sql) return '—';
  return sql.length > 80 ? sql.slice(0, 80) + '…' : sql;
}
