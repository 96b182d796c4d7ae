import { get, post, seg, withQuery } from '../api.js';
import { h, field, table, pager, badge, errorBox, busy, debounce } from '../dom.js';
import { dataSourceForm } from '../dsform.js';
import { go } from '../app.js';

export async function render(view) {
  const search = h('input', { type: 'search', id: 'ds-search' });
  const listErr = errorBox();
  const list = h('div', { id: 'ds-list' });
  let page = 1;
  async function load() {
    const r = await get(withQuery('/api/v1/datasources', { search: search.value.trim(), page, page_size: 20 }));
    list.replaceChildren(table(['Name', 'Upstream', 'Access mode', 'Status'], r.data.map((ds) => h('tr', {},
      h('td', {}, h('a', { href: '#/datasources/' + seg(ds.id) }, ds.name)),
      h('td', { class: 'mono' }, `${ds.config.host}:${ds.config.port}/${ds.config.database}`),
      h('td', {}, ds.access_mode), h('td', {}, badge(ds.is_active ? 'active' : 'inactive', ds.is_active ? 'on' : 'off'))))),
    pager(r, (p) => { page = p; busy(null, listErr, load); }));
  }
  search.addEventListener('input', debounce(() => { page = 1; busy(null, listErr, load); }, 300));
  view.append(h('h1', {}, 'Data sources'), h('div', { class: 'panel' }, field('Search data sources', search), listErr, list));

  const types = await get('/api/v1/datasource-types');
  const type = types[0];
  const name = h('input', { id: 'ds-name', required: true, autocomplete: 'off' });
  const form = dataSourceForm(type, null);
  const err = errorBox();
  err.id = 'new-ds-error';
  const submit = h('button', { type: 'submit', id: 'new-ds-submit' }, 'Create data source');
  view.append(h('details', { class: 'panel', id: 'new-ds' }, h('summary', {}, h('b', {}, 'Add a ' + type.label + ' data source')),
    h('form', { class: 'stack', onsubmit: (ev) => {
      ev.preventDefault();
      busy(submit, err, async () => {
        const ds = await post('/api/v1/datasources', { name: name.value.trim(), ds_type: type.ds_type, config: form.read() });
        go('#/datasources/' + seg(ds.id));
      });
    } }, field('Name (the database name clients connect to)', name), form.rows, err, submit)));
  await load();
}
