// The policy editor: details, targets with catalog pickers, an expression checked as you type,
// then (once saved) assignments and version history with diffs.
import { get, post, put, del, seg, all } from '../api.js';
import { h, field, checkbox, errorBox, busy, debounce, csv } from '../dom.js';
import { POLICY_TYPES } from './policies.js';
import { assignments } from '../assignments.js';
import { history } from '../history.js';
import { go } from '../app.js';

const EXPRESSION_KEY = { row_filter: 'filter_expression', column_mask: 'mask_expression' };

export async function render(view, { id }) {
  const creating = id === 'new';
  const policy = creating ? { name: '', policy_type: 'row_filter', description: '', is_enabled: true, targets: [], definition: null, version: 0 }
    : await get('/api/v1/policies/' + seg(id));
  const sources = await all('/api/v1/datasources');
  view.append(h('h1', {}, creating ? 'New policy' : 'Policy ', creating ? null : h('span', { class: 'mono' }, policy.name),
    creating ? null : h('span', { class: 'muted' }, ' v' + policy.version)));
  view.append(editor(policy, creating, sources));
  if (!creating) view.append(await assignments(policy, sources), await history(policy), danger(policy));
}

function editor(policy, creating, sources) {
  const name = h('input', { id: 'policy-name', value: policy.name, required: true, autocomplete: 'off' });
  const type = h('select', { id: 'policy-type' }, POLICY_TYPES.map((t) => h('option', { value: t }, t)));
  type.value = policy.policy_type;
  const description = h('input', { id: 'policy-description', value: policy.description || '' });
  const enabled = checkbox('Enabled', { id: 'policy-enabled', checked: policy.is_enabled });
  const expression = h('textarea', { id: 'policy-expression', spellcheck: 'false',
    value: policy.definition ? (policy.definition.filter_expression || policy.definition.mask_expression || '') : '' });
  const status = h('div', { id: 'expression-status', role: 'status', 'aria-live': 'polite' });
  const exprField = field('Expression', expression, 'SQL over the table\'s columns; {user.username}, {user.id} and {user.<attribute>} are bound per user.');
  exprField.append(status);
  const validate = debounce(async () => {
    if (!EXPRESSION_KEY[type.value]) return;
    const text = expression.value;
    if (!text.trim()) { status.className = ''; status.textContent = ''; return; }
    try {
      const r = await post('/api/v1/policies/validate-expression', { expression: text, is_mask: type.value === 'column_mask' });
      if (text !== expression.value) return;   // a newer keystroke will answer
      status.className = r.valid ? 'ok' : 'error';
      status.textContent = r.valid ? 'Expression is valid.' : r.error;
    } catch (e) { status.className = 'error'; status.textContent = e.message; }
  }, 350);
  expression.addEventListener('input', validate);

  const targets = targetEditor(policy.targets, sources, () => type.value);
  const syncType = () => {
    exprField.hidden = !EXPRESSION_KEY[type.value];
    targets.refresh();
    validate();
  };
  type.addEventListener('change', syncType);
  const err = errorBox();
  err.id = 'policy-error';
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit', id: 'policy-save' }, creating ? 'Create policy' : 'Save new version');
  const form = h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    done.textContent = '';
    busy(save, err, async () => {
      const key = EXPRESSION_KEY[type.value];
      const body = { name: name.value.trim(), policy_type: type.value, description: description.value.trim() || null,
        is_enabled: enabled.box.checked, targets: targets.read(), definition: key ? { [key]: expression.value } : null };
      if (creating) {
        const p = await post('/api/v1/policies', body);
        go('#/policies/' + seg(p.id));
      } else {
        await put('/api/v1/policies/' + seg(policy.id), { ...body, version: policy.version });
        go(location.hash);
      }
    });
  } }, field('Name', name), field('Type', type), field('Description', description), enabled.label,
  h('h3', {}, 'Targets'), targets.element, exprField, err, h('div', { class: 'row' }, save, done));
  syncType();
  return h('section', { class: 'panel' }, h('h2', {}, 'Details'), form);
}

/** Target rows (schemas, tables, columns: comma-separated, patterns allowed) with pickers from a stored catalog. */
function targetEditor(initial, sources, currentType) {
  const rows = [];
  const list = h('div', { class: 'stack' });
  const source = h('select', { id: 'target-catalog-source' }, h('option', { value: '' }, 'No catalog hints'),
    sources.map((s) => h('option', { value: s.id }, s.name)));
  let catalog = null;
  const err = errorBox();
  source.addEventListener('change', () => busy(null, err, async () => {
    catalog = source.value ? await get('/api/v1/datasources/' + seg(source.value) + '/catalog') : null;
    rows.forEach((r) => r.fillPickers());
  }));
  const names = (kind, row) => {
    if (!catalog) return [];
    const schemas = catalog.schemas.filter((s) => s.is_selected);
    if (kind === 'schemas') return schemas.map((s) => s.schema_alias || s.schema_name);
    const wantedSchemas = csv(row.inputs.schemas.value);
    const inSchema = schemas.filter((s) => !wantedSchemas.length || wantedSchemas.includes('*') || wantedSchemas.includes(s.schema_alias || s.schema_name));
    const tables = inSchema.flatMap((s) => s.tables.filter((t) => t.is_selected));
    if (kind === 'tables') return [...new Set(tables.map((t) => t.table_name))];
    const wantedTables = csv(row.inputs.tables.value);
    return [...new Set(tables.filter((t) => !wantedTables.length || wantedTables.includes('*') || wantedTables.includes(t.table_name))
      .flatMap((t) => t.columns.filter((c) => c.is_selected).map((c) => c.column_name)))];
  };
  const addRow = (t) => {
    const n = rows.length + 1;
    const row = { inputs: {}, pickers: {} };
    const cells = ['schemas', 'tables', 'columns'].map((kind) => {
      const input = h('input', { id: `target-${n}-${kind}`, value: ((t && t[kind]) || []).join(', '), placeholder: kind === 'columns' ? 'e.g. email' : '*' });
      const picker = h('select', { id: `target-${n}-${kind}-pick`, 'aria-label': `Add a ${kind.slice(0, -1)} from the catalog` });
      picker.addEventListener('change', () => {
        if (!picker.value) return;
        const have = csv(input.value);
        if (!have.includes(picker.value)) input.value = [...have, picker.value].join(', ');
        picker.value = '';
        rows.forEach((r) => r.fillPickers());
      });
      row.inputs[kind] = input;
      row.pickers[kind] = picker;
      return h('div', { class: 'cell-' + kind }, field(kind[0].toUpperCase() + kind.slice(1), input), picker);
    });
    row.fillPickers = () => {
      for (const kind of ['schemas', 'tables', 'columns']) {
        const opts = names(kind, row);
        row.pickers[kind].replaceChildren(h('option', { value: '' }, opts.length ? 'Add from catalog…' : 'Pick a catalog above'),
          ...opts.map((o) => h('option', { value: o }, o)));
        row.pickers[kind].disabled = !opts.length;
      }
    };
    const remove = h('button', { type: 'button', class: 'link', onclick: () => {
      rows.splice(rows.indexOf(row), 1); row.el.remove();
    } }, 'Remove target');
    row.el = h('div', { class: 'target row' }, cells, remove);
    row.refresh = () => { row.el.querySelector('.cell-columns').hidden = !currentType().startsWith('column_'); };
    row.fillPickers();
    row.refresh();
    rows.push(row);
    list.append(row.el);
  };
  (initial.length ? initial : [null]).forEach(addRow);
  const add = h('button', { type: 'button', class: 'secondary', onclick: () => addRow(null) }, 'Add target');
  return {
    element: h('div', {}, field('Suggest names from the catalog of', source), err, list, add),
    refresh: () => rows.forEach((r) => r.refresh()),
    read: () => rows.map((r) => {
      const t = { schemas: csv(r.inputs.schemas.value), tables: csv(r.inputs.tables.value) };
      if (currentType().startsWith('column_')) t.columns = csv(r.inputs.columns.value);
      return t;
    }),
  };
}

function danger(policy) {
  const err = errorBox();
  const toggle = h('button', { type: 'button', class: 'secondary', onclick: () => busy(toggle, err, async () => {
    await put('/api/v1/policies/' + seg(policy.id), { is_enabled: !policy.is_enabled, version: policy.version });
    go(location.hash);
  }) }, policy.is_enabled ? 'Disable' : 'Enable');
  const remove = h('button', { type: 'button', class: 'danger', onclick: () => busy(remove, err, async () => {
    if (!window.confirm(`Delete the policy "${policy.name}"? Its history is kept.`)) return;
    await del('/api/v1/policies/' + seg(policy.id) + '?version=' + policy.version);
    go('#/policies');
  }) }, 'Delete policy');
  return h('section', { class: 'panel' }, h('h2', {}, 'Status and deletion'), h('div', { class: 'row' }, toggle, remove), err);
}

