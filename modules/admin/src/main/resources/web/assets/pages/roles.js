import { get, post, seg, withQuery } from '../api.js';
import { h, field, table, pager, badge, errorBox, busy, debounce } from '../dom.js';
import { go } from '../app.js';

export async function render(view) {
  const search = h('input', { type: 'search', id: 'role-search' });
  const listErr = errorBox();
  const list = h('div', { id: 'role-list' });
  let page = 1;
  async function load() {
    const r = await get(withQuery('/api/v1/roles', { search: search.value.trim(), page, page_size: 20 }));
    list.replaceChildren(table(['Role', 'Description', 'Direct members', 'Status'], r.data.map((x) => h('tr', {},
      h('td', {}, h('a', { href: '#/roles/' + seg(x.id) }, x.name)), h('td', {}, x.description || ''),
      h('td', { class: 'num' }, String(x.direct_member_count)),
      h('td', {}, badge(x.is_active ? 'active' : 'inactive', x.is_active ? 'on' : 'off'))))),
    pager(r, (p) => { page = p; busy(null, listErr, load); }));
  }
  search.addEventListener('input', debounce(() => { page = 1; busy(null, listErr, load); }, 300));

  const name = h('input', { id: 'new-role-name', required: true, autocomplete: 'off' });
  const description = h('input', { id: 'new-role-description' });
  const err = errorBox();
  err.id = 'new-role-error';
  const submit = h('button', { type: 'submit', id: 'new-role-submit' }, 'Create role');
  const form = h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    busy(submit, err, async () => {
      const r = await post('/api/v1/roles', { name: name.value.trim(), description: description.value.trim() || null });
      go('#/roles/' + seg(r.id));
    });
  } }, field('Name', name), field('Description', description), err, submit);
  view.append(h('h1', {}, 'Roles'), h('div', { class: 'panel' }, field('Search roles', search), listErr, list),
    h('details', { class: 'panel', id: 'new-role' }, h('summary', {}, h('b', {}, 'Create a role')), form));
  await load();
}
