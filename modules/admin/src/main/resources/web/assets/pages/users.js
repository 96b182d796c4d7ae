import { get, post, seg, withQuery } from '../api.js';
import { h, field, checkbox, table, pager, badge, errorBox, busy, debounce, fmtTime } from '../dom.js';
import { go } from '../app.js';

export async function render(view) {
  const search = h('input', { type: 'search', id: 'user-search', placeholder: 'username, email…' });
  const listErr = errorBox();
  const list = h('div', { id: 'user-list' });
  let page = 1;
  async function load() {
    const r = await get(withQuery('/api/v1/users', { search: search.value.trim(), page, page_size: 20 }));
    list.replaceChildren(table(['Username', 'Display name', 'Email', 'Admin', 'Status', 'Last sign-in'], r.data.map((u) => h('tr', {},
      h('td', {}, h('a', { href: '#/users/' + seg(u.id) }, u.username)), h('td', {}, u.display_name || ''), h('td', {}, u.email || ''),
      h('td', {}, u.is_admin ? 'yes' : 'no'), h('td', {}, badge(u.is_active ? 'active' : 'inactive', u.is_active ? 'on' : 'off')),
      h('td', {}, fmtTime(u.last_login_at))))),
    pager(r, (p) => { page = p; busy(null, listErr, load); }));
  }
  search.addEventListener('input', debounce(() => { page = 1; busy(null, listErr, load); }, 300));

  const username = h('input', { id: 'new-user-username', autocomplete: 'off', required: true });
  const password = h('input', { id: 'new-user-password', type: 'password', autocomplete: 'new-password', required: true });
  const email = h('input', { id: 'new-user-email', type: 'email' });
  const display = h('input', { id: 'new-user-display' });
  const admin = checkbox('Administrator (may sign in here; grants no data access)', { id: 'new-user-admin' });
  const err = errorBox();
  err.id = 'new-user-error';
  const submit = h('button', { type: 'submit', id: 'new-user-submit' }, 'Create user');
  const form = h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    busy(submit, err, async () => {
      const u = await post('/api/v1/users', { username: username.value.trim(), password: password.value,
        email: email.value.trim() || null, display_name: display.value.trim() || null, is_admin: admin.box.checked });
      go('#/users/' + seg(u.id));
    });
  } }, field('Username', username), field('Password', password, 'At least 8 characters.'), field('Email', email),
  field('Display name', display), admin.label, err, submit);

  view.append(h('h1', {}, 'Users'),
    h('div', { class: 'panel' }, field('Search users', search), listErr, list),
    h('details', { class: 'panel', id: 'new-user' }, h('summary', {}, h('b', {}, 'Create a user')), form));
  await load();
}
