import { all, seg } from '../api.js';
import { h, field, table, pager, pageOf, badge, errorBox, busy, debounce } from '../dom.js';

export const POLICY_TYPES = ['row_filter', 'column_mask', 'column_allow', 'column_deny', 'table_deny'];

export async function render(view) {
  const search = h('input', { type: 'search', id: 'policy-search' });
  const type = h('select', { id: 'policy-type-filter' }, h('option', { value: '' }, 'Any type'), POLICY_TYPES.map((t) => h('option', { value: t }, t)));
  const state = h('select', { id: 'policy-state-filter' }, h('option', { value: '' }, 'Enabled or not'),
    h('option', { value: 'on' }, 'Enabled'), h('option', { value: 'off' }, 'Disabled'));
  const err = errorBox();
  const list = h('div', { id: 'policy-list' });
  let items = [];
  const draw = (p) => {
    const shown = items.filter((x) => (!type.value || x.policy_type === type.value) && (!state.value || (state.value === 'on') === x.is_enabled));
    const pg = pageOf(shown, p);
    list.replaceChildren(table(['Policy', 'Type', 'Targets', 'Assignments', 'Version', 'State'], pg.data.map((x) => h('tr', {},
      h('td', {}, h('a', { href: '#/policies/' + seg(x.id) }, x.name)), h('td', {}, x.policy_type),
      h('td', { class: 'mono' }, targetsText(x.targets)), h('td', { class: 'num' }, String(x.assignment_count)),
      h('td', { class: 'num' }, String(x.version)), h('td', {}, badge(x.is_enabled ? 'enabled' : 'disabled', x.is_enabled ? 'on' : 'off'))))),
    pager(pg, draw));
  };
  const load = async () => { items = await all('/api/v1/policies', { search: search.value.trim() }); draw(1); };
  search.addEventListener('input', debounce(() => busy(null, err, load), 300));
  type.addEventListener('change', () => draw(1));
  state.addEventListener('change', () => draw(1));
  view.append(h('div', { class: 'spread' }, h('h1', {}, 'Policies'), h('a', { href: '#/policies/new', id: 'new-policy' }, 'New policy')),
    h('div', { class: 'panel' }, h('div', { class: 'row' }, field('Search', search), field('Type', type), field('State', state)), err, list));
  await load();
}

export function targetsText(targets) {
  return (targets || []).map((t) => `${t.schemas.join('|')}.${t.tables.join('|')}` + (t.columns && t.columns.length ? '.' + t.columns.join('|') : '')).join(', ');
}
