// Admin audit: who changed what, with the before and after of each change.
import { get, withQuery } from '../api.js';
import { h, field, table, pager, errorBox, busy, fmtTime } from '../dom.js';
import { pretty } from '../history.js';

const RESOURCE_TYPES = ['user', 'role', 'attribute_definition', 'data_source', 'catalog', 'policy', 'policy_assignment'];

export async function render(view) {
  const type = h('select', { id: 'aa-type' }, h('option', { value: '' }, 'Any resource'), RESOURCE_TYPES.map((t) => h('option', { value: t }, t)));
  const action = h('input', { id: 'aa-action', placeholder: 'e.g. create, login' });
  const from = h('input', { type: 'datetime-local', id: 'aa-from' });
  const to = h('input', { type: 'datetime-local', id: 'aa-to' });
  const err = errorBox();
  const list = h('div', { id: 'aa-list' });
  let page = 1;
  const iso = (input) => (input.value ? new Date(input.value).toISOString() : '');
  async function load() {
    const r = await get(withQuery('/api/v1/audit/admin', { resource_type: type.value, action: action.value.trim(),
      from: iso(from), to: iso(to), page, page_size: 25 }));
    list.replaceChildren(table(['When', 'Who', 'Action', 'Resource', 'Change'], r.data.map((e) => h('tr', {},
      h('td', {}, fmtTime(e.created_at)), h('td', {}, e.actor_name || 'system'), h('td', {}, e.action),
      h('td', {}, e.resource_type, e.resource_id ? h('div', { class: 'muted mono' }, e.resource_id) : null),
      h('td', {}, change(e.changes))))), pager(r, (p) => { page = p; busy(null, err, load); }));
  }
  const apply = h('button', { type: 'submit', id: 'aa-apply' }, 'Apply filters');
  view.append(h('h1', {}, 'Admin audit'), h('form', { class: 'panel row', onsubmit: (ev) => {
    ev.preventDefault(); page = 1; busy(apply, err, load);
  } }, field('Resource type', type), field('Action', action), field('From', from), field('To', to), apply), err, list);
  await load();
}

function change(c) {
  if (!c || (c.before === null && c.after === null)) return h('span', { class: 'muted' }, '—');
  return h('details', {}, h('summary', {}, 'Before / after'), h('div', { class: 'side-by-side' },
    h('div', {}, h('h3', {}, 'Before'), h('pre', {}, pretty(c.before))), h('div', {}, h('h3', {}, 'After'), h('pre', {}, pretty(c.after)))));
}
