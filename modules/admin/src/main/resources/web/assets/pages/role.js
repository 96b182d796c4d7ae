import { get, post, put, del, seg, all, withQuery } from '../api.js';
import { h, field, table, pager, pageOf, badge, errorBox, busy } from '../dom.js';
import { go } from '../app.js';

export async function render(view, { id }) {
  const base = '/api/v1/roles/' + seg(id);
  const [role, effective] = await Promise.all([get(base), get(base + '/effective-members')]);
  const reload = () => go(location.hash);
  view.append(h('h1', {}, 'Role ', h('span', { class: 'mono' }, role.name)),
    details(base, role), members(base, role, reload), inheritance(base, role, reload),
    effectiveMembers(effective), access(role), remove(base, role));
}

function details(base, role) {
  const name = h('input', { id: 'role-name', value: role.name });
  const description = h('input', { id: 'role-description', value: role.description || '' });
  const err = errorBox();
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit' }, 'Save');
  const toggle = h('button', { type: 'button', class: 'secondary', onclick: () => busy(toggle, err, async () => {
    await put(base, { is_active: !role.is_active });
    go(location.hash);
  }) }, role.is_active ? 'Deactivate' : 'Activate');
  return h('section', { class: 'panel' }, h('h2', {}, 'Details ', badge(role.is_active ? 'active' : 'inactive', role.is_active ? 'on' : 'off')),
    h('form', { class: 'stack', onsubmit: (ev) => {
      ev.preventDefault();
      done.textContent = '';
      busy(save, err, async () => { await put(base, { name: name.value.trim(), description: description.value.trim() }); done.textContent = 'Saved.'; });
    } }, field('Name', name), field('Description', description), err, h('div', { class: 'row' }, save, toggle, done)));
}

function members(base, role, reload) {
  const out = h('div', { id: 'role-members' });
  const err = errorBox();
  err.id = 'role-member-error';
  const draw = (p) => {
    const pg = pageOf(role.members, p);
    out.replaceChildren(table(['Member', ''], pg.data.map((m) => {
      const b = h('button', { type: 'button', class: 'secondary', onclick: () => busy(b, err, async () => {
        await del(base + '/members/' + seg(m.id)); reload();
      }) }, 'Remove');
      return h('tr', {}, h('td', {}, h('a', { href: '#/users/' + seg(m.id) }, m.username)), h('td', {}, b));
    })), pager(pg, draw));
  };
  draw(1);
  const username = h('input', { id: 'role-add-member', autocomplete: 'off', list: 'role-user-options' });
  const options = h('datalist', { id: 'role-user-options' });
  username.addEventListener('focus', async () => {
    if (options.childElementCount) return;
    try { (await all('/api/v1/users')).forEach((u) => options.append(h('option', { value: u.username }))); } catch { /* hints only */ }
  }, { once: true });
  const add = h('button', { type: 'submit', id: 'role-add-member-submit' }, 'Add member');
  return h('section', { class: 'panel' }, h('h2', {}, `Direct members (${role.direct_member_count})`), out,
    h('form', { class: 'row', onsubmit: (ev) => {
      ev.preventDefault();
      busy(add, err, async () => {
        const wanted = username.value.trim();
        const found = (await get(withQuery('/api/v1/users', { search: wanted, page_size: 50 }))).data.find((u) => u.username === wanted);
        if (!found) throw new Error(`No user named "${wanted}".`);
        await post(base + '/members', { user_ids: [found.id] });
        reload();
      });
    } }, field('Username', username), options, add), err);
}

/** Parents as an indented tree (each ancestor's own parents below it) and the direct children. */
function inheritance(base, role, reload) {
  const err = errorBox();
  const tree = h('div', { class: 'tree', id: 'role-parents' });
  async function subtree(parents, depth, seen) {
    const ul = h('ul');
    for (const p of parents) {
      const li = h('li', {}, h('a', { href: '#/roles/' + seg(p.id) }, p.name), p.is_active ? '' : h('span', { class: 'type' }, '(inactive)'));
      if (depth === 0) {
        const b = h('button', { type: 'button', class: 'link', onclick: () => busy(b, err, async () => {
          await del(base + '/parents/' + seg(p.id)); reload();
        }) }, 'remove');
        li.append(' ', b);
      }
      if (depth < 10 && !seen.has(p.id)) {
        const parent = await get('/api/v1/roles/' + seg(p.id));
        if (parent.parent_roles.length) li.append(await subtree(parent.parent_roles, depth + 1, new Set([...seen, p.id])));
      }
      ul.append(li);
    }
    return ul;
  }
  const section = h('section', { class: 'panel' }, h('h2', {}, 'Inherits from'),
    h('p', { class: 'muted' }, 'Members of this role also get what is assigned to the roles it inherits from, and their parents.'), tree);
  if (role.parent_roles.length) {
    subtree(role.parent_roles, 0, new Set([role.id])).then((ul) => tree.append(ul), (e) => { err.textContent = e.message; });
  } else tree.append(h('p', { class: 'muted' }, 'No parent roles.'));
  const pick = h('select', { id: 'role-add-parent' }, h('option', { value: '' }, 'Choose a role…'));
  all('/api/v1/roles').then((roles) => roles.filter((r) => r.id !== role.id && !role.parent_roles.some((p) => p.id === r.id))
    .forEach((r) => pick.append(h('option', { value: r.id }, r.name))), () => {});
  const add = h('button', { type: 'submit' }, 'Add parent');
  section.append(h('form', { class: 'row', onsubmit: (ev) => {
    ev.preventDefault();
    busy(add, err, async () => {
      if (!pick.value) throw new Error('Choose a role.');
      await post(base + '/parents', { parent_role_id: pick.value });
      reload();
    });
  } }, field('Parent role', pick), add), err,
  h('h3', {}, 'Inherited by'), role.child_roles.length
    ? h('ul', {}, role.child_roles.map((c) => h('li', {}, h('a', { href: '#/roles/' + seg(c.id) }, c.name))))
    : h('p', { class: 'muted' }, 'No role inherits from this one.'));
  return section;
}

function effectiveMembers(list) {
  const out = h('div', { id: 'role-effective' });
  const draw = (p) => {
    const pg = pageOf(list, p);
    out.replaceChildren(table(['User', 'Through'], pg.data.map((m) => h('tr', {},
      h('td', {}, h('a', { href: '#/users/' + seg(m.user_id) }, m.username)), h('td', {}, m.source)))), pager(pg, draw));
  };
  draw(1);
  return h('section', { class: 'panel' }, h('h2', {}, `Effective members (${list.length})`), out);
}

function access(role) {
  return h('section', { class: 'panel' }, h('h2', {}, 'Access'),
    h('h3', {}, 'Data sources'), table(['Data source', 'Source'], role.datasource_access.map((a) => h('tr', {},
      h('td', {}, h('a', { href: '#/datasources/' + seg(a.datasource_id) }, a.datasource_name)), h('td', {}, a.source)))),
    h('h3', {}, 'Policy assignments'), table(['Policy', 'Data source', 'Priority', 'Source'], role.policy_assignments.map((a) => h('tr', {},
      h('td', {}, h('a', { href: '#/policies/' + seg(a.policy_id) }, a.policy_name)), h('td', {}, a.datasource_name),
      h('td', { class: 'num' }, String(a.priority)), h('td', {}, a.source)))));
}

function remove(base, role) {
  const err = errorBox();
  const impact = h('div', { id: 'role-impact', role: 'status' });
  const confirm = h('button', { type: 'button', class: 'danger hidden', id: 'role-delete-confirm', onclick: () => busy(confirm, err, async () => {
    await del(base);
    go('#/roles');
  }) }, `Delete "${role.name}" now`);
  const check = h('button', { type: 'button', class: 'secondary', id: 'role-delete', onclick: () => busy(check, err, async () => {
    const i = await get(base + '/impact');
    impact.replaceChildren(h('p', { class: 'notice' }, `Deleting this role affects ${i.affected_users} user(s), removes `
      + `${i.affected_assignments} policy assignment(s) and ${i.affected_grants ?? 0} data-source grant(s).`));
    confirm.classList.remove('hidden');
  }) }, 'Delete role…');
  return h('section', { class: 'panel' }, h('h2', {}, 'Delete'), check, impact, confirm, err);
}
