// A policy's assignments: on which data source, to whom (everyone, a role, a user), with which priority.
import { post, del, seg, all } from './api.js';
import { h, field, table, pager, pageOf, errorBox, busy } from './dom.js';
import { go } from './app.js';

export async function assignments(policy, sources) {
  const [users, roles] = await Promise.all([all('/api/v1/users'), all('/api/v1/roles')]);
  const userName = Object.fromEntries(users.map((u) => [u.id, u.username]));
  const roleName = Object.fromEntries(roles.map((r) => [r.id, r.name]));
  const sourceName = Object.fromEntries(sources.map((s) => [s.id, s.name]));
  const err = errorBox();
  err.id = 'assignment-error';
  const out = h('div', { id: 'assignment-list' });
  const list = policy.assignments || [];
  const draw = (p) => {
    const pg = pageOf(list, p);
    out.replaceChildren(table(['Data source', 'Scope', 'Who', 'Priority', ''], pg.data.map((a) => {
      const b = h('button', { type: 'button', class: 'secondary', onclick: () => busy(b, err, async () => {
        await del('/api/v1/datasources/' + seg(a.data_source_id) + '/policies/' + seg(a.id)); go(location.hash);
      }) }, 'Unassign');
      const who = a.scope === 'user' ? userName[a.user_id] || a.user_id : a.scope === 'role' ? roleName[a.role_id] || a.role_id : 'everyone';
      return h('tr', {}, h('td', {}, sourceName[a.data_source_id] || a.data_source_id), h('td', {}, a.scope), h('td', {}, who),
        h('td', { class: 'num' }, String(a.priority)), h('td', {}, b));
    })), pager(pg, draw));
  };
  draw(1);

  const ds = h('select', { id: 'assign-datasource' }, sources.map((s) => h('option', { value: s.id }, s.name)));
  const scope = h('select', { id: 'assign-scope' }, ['all', 'role', 'user'].map((s) => h('option', { value: s }, s)));
  const role = h('select', { id: 'assign-role' }, roles.map((r) => h('option', { value: r.id }, r.name)));
  const user = h('select', { id: 'assign-user' }, users.map((u) => h('option', { value: u.id }, u.username)));
  const priority = h('input', { id: 'assign-priority', type: 'number', value: '100', step: '1' });
  const roleField = field('Role', role);
  const userField = field('User', user);
  const sync = () => { roleField.hidden = scope.value !== 'role'; userField.hidden = scope.value !== 'user'; };
  scope.addEventListener('change', sync);
  sync();
  const add = h('button', { type: 'submit', id: 'assign-submit' }, 'Assign');
  const form = h('form', { class: 'row', onsubmit: (ev) => {
    ev.preventDefault();
    busy(add, err, async () => {
      if (!ds.value) throw new Error('Create a data source first.');
      await post('/api/v1/datasources/' + seg(ds.value) + '/policies', { policy_id: policy.id, scope: scope.value,
        role_id: scope.value === 'role' ? role.value : null, user_id: scope.value === 'user' ? user.value : null,
        priority: Number(priority.value) });
      go(location.hash);
    });
  } }, field('Data source', ds), field('Scope', scope), roleField, userField, field('Priority (lower wins)', priority), add);
  return h('section', { class: 'panel' }, h('h2', {}, 'Assignments'), out, form, err);
}
