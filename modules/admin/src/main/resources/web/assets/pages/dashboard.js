import { get, post, del, seg, withQuery } from '../api.js';
import { h, table, badge, fmtTime, errorBox, busy } from '../dom.js';

export async function render(view) {
  const err = errorBox();
  view.append(h('h1', {}, 'Dashboard'), err);
  const [health, stats, sessions, users, roles, policies, sources, audit] = await Promise.all([
    get('/health'),
    get('/api/v1/stats'),
    get('/api/v1/sessions'),
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
    stat('Data sources', sources.total, 'stat-datasources'),
    stat('Open sessions', stats.sessions_open, 'stat-sessions'),
    stat('Statements, last hour', stats.statements_last_hour, 'stat-statements'),
    stat('Denials, last hour', stats.denials_last_hour, 'stat-denials')));

  view.append(h('h2', {}, 'Open sessions'), sessionTable(sessions));

  view.append(h('h2', {}, 'Data sources'));
  const probe = new Map(stats.datasources.map((d) => [d.id, d]));
  view.append(table(['Name', 'Upstream', 'Status', 'Sessions', 'Reachability'], sources.data.map((ds) => {
    const live = probe.get(ds.id);
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
      h('td', { class: 'num' }, live ? String(live.sessions) : '—'),
      h('td', { 'data-reachable': ds.name }, live && live.active ? badge(live.reachable ? 'port open' : 'port closed', live.reachable ? 'on' : 'off') : null,
        ' ', btn, ' ', result, e));
  })));
  if (sources.total > sources.data.length) view.append(h('p', {}, h('a', { href: '#/datasources' }, 'All data sources')));

  view.append(h('h2', {}, 'Latest queries'));
  view.append(table(['When', 'User', 'Data source', 'Status', 'SQL'], audit.data.map((q) => h('tr', {},
    h('td', {}, fmtTime(q.created_at)), h('td', {}, q.username || '—'), h('td', {}, q.datasource_name || '—'),
    h('td', {}, badge(q.status, q.status)), h('td', { class: 'mono' }, short(q.original_query))))));
  view.append(h('p', {}, h('a', { href: '#/audit/queries' }, 'Open the query audit')));
}

/** The live data-plane sessions, each with a Terminate button (the client gets FATAL 57P01). */
function sessionTable(sessions) {
  const box = h('div', { id: 'dash-sessions' });
  const draw = (list) => box.replaceChildren(table(['User', 'Data source', 'Client', 'Started', 'State', ''], list.map((s) => {
    const e = errorBox();
    const stop = h('button', { type: 'button', class: 'danger', 'data-terminate': String(s.id),
      'aria-label': `Terminate session ${s.id} of ${s.username}`, onclick: () => busy(stop, e, async () => {
        if (!confirm(`Terminate the session of ${s.username} on ${s.datasource_name}?`)) return;
        await del('/api/v1/sessions/' + seg(String(s.id)));
        draw(list.filter((x) => x.id !== s.id));
      }) }, 'Terminate');
    return h('tr', {}, h('td', {}, s.username), h('td', {}, s.datasource_name),
      h('td', { class: 'mono' }, s.client_addr + (s.application_name ? ' · ' + s.application_name : '')),
      h('td', {}, fmtTime(s.started_at)), h('td', {}, s.state), h('td', {}, stop, e));
  }), 'Live connections to the data plane.'));
  draw(sessions);
  return box;
}

function short(sql) {
  if (!sql) return '—';
  return sql.length > 90 ? sql.slice(0, 90) + '…' : sql;
}
