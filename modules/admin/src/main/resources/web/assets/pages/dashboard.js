import { get, post, seg, withQuery } from '../api.js';
import { h, table, badge, fmtTime, errorBox, busy } from '../dom.js';

export async function render(view) {
  const err = errorBox();
  view.append(h('h1', {}, 'Dashboard'), err);
  const [health, users, roles, policies, sources, audit] = await Promise.all([
    get('/health'),
    get(withQuery('/api/v1/users', { page_size: 1 })),
    get(withQuery('/api/v1/roles', { page_size: 1 })),
    get(withQuery('/api/v1/policies', { page_size: 1 })),
    get(withQuery('/api/v1/datasources', { page_size: 20 })),
    get(withQuery('/api/v1/audit/queries', { page_size: 10 })),
  ]);
  const stat = (label, value, id) => h('div', { class: 'stat', id }, h('b', {}, String(value)), label);
  view.append(h('div', { class: 'grid' },
    stat('Version', health.version, 'stat-version'),
    stat('Store', health.store, 'stat-store'),
    stat('Users', users.total, 'stat-users'),
    stat('Roles', roles.total, 'stat-roles'),
    stat('Policies', policies.total, 'stat-policies'),
    stat('Data sources', sources.total, 'stat-datasources')));

  view.append(h('h2', {}, 'Data sources'));
  view.append(table(['Name', 'Upstream', 'Status', 'Reachability'], sources.data.map((ds) => {
    const result = h('span', { class: 'test-result', role: 'status' });
    const e = errorBox();
    const btn = h('button', { type: 'button', class: 'secondary', 'data-test': ds.name, onclick: () => busy(btn, e, async () => {
      result.textContent = 'Testing…';
      const r = await post('/api/v1/datasources/' + seg(ds.id) + '/test');
      result.replaceChildren(badge(r.success ? 'reachable' : 'unreachable', r.success ? 'on' : 'off'), ' ', r.message);
    }) }, 'Test connection');
    return h('tr', {}, h('td', {}, h('a', { href: '#/datasources/' + seg(ds.id) }, ds.name)),
      h('td', { class: 'mono' }, `${ds.config.host}:${ds.config.port}/${ds.config.database}`),
      h('td', {}, badge(ds.is_active ? 'active' : 'inactive', ds.is_active ? 'on' : 'off')),
      h('td', {}, btn, ' ', result, e));
  })));
  if (sources.total > sources.data.length) view.append(h('p', {}, h('a', { href: '#/datasources' }, 'All data sources')));

  view.append(h('h2', {}, 'Latest queries'));
  view.append(table(['When', 'User', 'Data source', 'Status', 'SQL'], audit.data.map((q) => h('tr', {},
    h('td', {}, fmtTime(q.created_at)), h('td', {}, q.username || '—'), h('td', {}, q.datasource_name || '—'),
    h('td', {}, badge(q.status, q.status)), h('td', { class: 'mono' }, short(q.original_query))))));
  view.append(h('p', {}, h('a', { href: '#/audit/queries' }, 'Open the query audit')));
}

function short(sql) {
  if (!sql) return '—';
  return sql.length > 90 ? sql.slice(0, 90) + '…' : sql;
}
