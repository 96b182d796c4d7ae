import { get, put, post, del, seg } from '../api.js';
import { h, field, badge, errorBox, busy, showError } from '../dom.js';
import { dataSourceForm } from '../dsform.js';
import { catalogTree } from '../catalog.js';
import { runJob } from '../jobs.js';
import { go } from '../app.js';

export async function render(view, { id }) {
  const base = '/api/v1/datasources/' + seg(id);
  const [ds, types, catalog] = await Promise.all([get(base), get('/api/v1/datasource-types'), get(base + '/catalog')]);
  const type = types.find((t) => t.ds_type === ds.ds_type) || types[0];
  view.append(h('h1', {}, 'Data source ', h('span', { class: 'mono' }, ds.name), ' ',
    badge(ds.is_active ? 'active' : 'inactive', ds.is_active ? 'on' : 'off')));
  view.append(settings(base, ds, type), connection(base), catalogSection(base, id, catalog), danger(base, ds));
}

function settings(base, ds, type) {
  const name = h('input', { id: 'ds-name', value: ds.name });
  const mode = h('select', { id: 'ds-access-mode' }, ['policy_required', 'open'].map((m) => h('option', { value: m }, m)));
  mode.value = ds.access_mode;
  const form = dataSourceForm(type, ds);
  const err = errorBox();
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit', id: 'ds-save' }, 'Save');
  return h('section', { class: 'panel' }, h('h2', {}, 'Connection settings'), h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    done.textContent = '';
    busy(save, err, async () => {
      await put(base, { name: name.value.trim(), access_mode: mode.value, config: form.read() });
      done.textContent = 'Saved.';
    });
  } }, field('Name', name), form.rows,
  field('Access mode', mode, 'policy_required: tables need a column_allow policy to be visible; open: every catalog table is visible.'),
  err, h('div', { class: 'row' }, save, done)));
}

function connection(base) {
  const result = h('div', { id: 'ds-test-result', role: 'status' });
  const err = errorBox();
  const test = h('button', { type: 'button', id: 'ds-test', onclick: () => busy(test, err, async () => {
    result.textContent = 'Connecting…';
    const r = await post(base + '/test');
    result.replaceChildren(badge(r.success ? 'reachable' : 'unreachable', r.success ? 'on' : 'off'), ' ', r.message);
  }) }, 'Test connection');
  return h('section', { class: 'panel' }, h('h2', {}, 'Upstream'), h('div', { class: 'row' }, test, result), err);
}

function catalogSection(base, id, catalog) {
  const err = errorBox();
  err.id = 'catalog-error';
  const progress = h('ul', { class: 'progress muted', 'aria-live': 'polite' });
  const drift = h('div', { id: 'drift' });
  const tree = catalogTree(catalog);
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'button', id: 'catalog-save', onclick: () => busy(save, err, async () => {
    progress.replaceChildren();
    const r = await runJob(id, { action: 'save_catalog', schemas: tree.selection() }, (line) => progress.append(h('li', {}, line)));
    done.textContent = `Saved: ${r.selected_tables} table(s), ${r.selected_columns} column(s) selected.`;
  }) }, 'Save selection');
  const sync = h('button', { type: 'button', class: 'secondary', id: 'catalog-sync', onclick: () => busy(sync, err, async () => {
    progress.replaceChildren();
    const r = await runJob(id, { action: 'sync_catalog' }, (line) => progress.append(h('li', {}, line)));
    drift.replaceChildren(driftReport(r));
  }) }, 'Sync with upstream');
  const empty = !catalog.schemas.length;
  return h('section', { class: 'panel' }, h('h2', {}, 'Catalog allowlist'),
    h('p', { class: 'muted' }, 'Only selected schemas, tables and columns exist for the proxy. Sync reports drift and never selects anything new.'),
    h('div', { class: 'row' }, h('a', { href: '#/datasources/' + seg(id) + '/discover', id: 'discover-link' }, empty ? 'Discover the catalog' : 'Run discovery again'),
      empty ? null : sync, empty ? null : save, done),
    err, progress, empty ? h('p', { class: 'muted' }, 'No catalog yet.') : tree.element, drift);
}

function driftReport(r) {
  const items = [];
  const line = (label, list, fmt) => { if (list && list.length) items.push(h('li', {}, label + ': ', list.map(fmt).join(', '))); };
  line('New schemas (unselected)', r.added_schemas, (x) => x.schema_name || x);
  line('Removed schemas', r.removed_schemas, (x) => x.schema_name || x);
  line('New tables (unselected)', r.added_tables, (x) => `${x.schema_name}.${x.table_name}`);
  line('Removed tables', r.removed_tables, (x) => `${x.schema_name}.${x.table_name}`);
  line('Changed tables', r.changed_tables, (x) => `${x.schema_name}.${x.table_name} ${x.from}→${x.to}`);
  line('Changed columns', r.changed_columns, (x) => `${x.table_name}.${x.column_name} ${x.change}`);
  return h('div', { class: r.has_breaking_changes ? 'notice' : '' }, h('h3', {}, 'Drift report'),
    r.has_breaking_changes ? h('p', {}, 'Breaking changes: selected items went away or changed type.') : null,
    items.length ? h('ul', {}, items) : h('p', {}, 'The catalog matches the upstream.'),
    h('p', { class: 'muted' }, r.applied ? 'The stored catalog was updated (new items unselected). Reload to see them.' : 'Nothing to apply.'));
}

function danger(base, ds) {
  const err = errorBox();
  const toggle = h('button', { type: 'button', class: 'secondary', onclick: () => busy(toggle, err, async () => {
    await put(base, { is_active: !ds.is_active }); go(location.hash);
  }) }, ds.is_active ? 'Deactivate' : 'Activate');
  const confirmName = h('input', { id: 'ds-delete-confirm', autocomplete: 'off' });
  const remove = h('button', { type: 'button', class: 'danger', onclick: () => busy(remove, err, async () => {
    if (confirmName.value !== ds.name) { showError(err, new Error('Type the data source name to confirm.')); return; }
    await del(base); go('#/datasources');
  }) }, 'Delete');
  return h('section', { class: 'panel' }, h('h2', {}, 'Status and deletion'), toggle,
    h('div', { class: 'row' }, field('Type the name to delete (grants, catalog and assignments go too)', confirmName), remove), err);
}
