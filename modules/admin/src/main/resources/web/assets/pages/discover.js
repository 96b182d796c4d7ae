// The discovery wizard: schemas → tables → columns, each step a job followed live over SSE, then save.
import { get, seg } from '../api.js';
import { h, field, errorBox, busy } from '../dom.js';
import { runJob } from '../jobs.js';

export async function render(view, { id }) {
  const ds = await get('/api/v1/datasources/' + seg(id));
  const err = errorBox();
  err.id = 'wizard-error';
  const progress = h('ol', { class: 'progress muted', id: 'wizard-progress', 'aria-live': 'polite' });
  const step = h('div', { id: 'wizard-step' });
  const log = (line) => progress.append(h('li', {}, line));
  const run = (button, body) => busy(button, err, async () => { log('started ' + body.action); return runJob(id, body, log); });
  view.append(h('h1', {}, 'Discover ', h('span', { class: 'mono' }, ds.name)),
    h('p', {}, h('a', { href: '#/datasources/' + seg(id) }, '← Back to the data source')),
    h('div', { class: 'panel' }, step, err, h('h3', {}, 'Progress'), progress));

  const start = h('button', { type: 'button', id: 'wizard-schemas', onclick: async () => {
    const r = await run(start, { action: 'discover_schemas' });
    if (r) schemasStep(r.schemas.map((s) => s.schema_name));
  } }, 'Discover schemas');
  step.replaceChildren(h('h2', {}, '1. Schemas'), h('p', {}, 'Reads the upstream\'s schemas (system schemas are left out).'), start);

  function checklist(items, label, checked) {
    return items.map((it) => {
      const b = h('input', { type: 'checkbox', checked: checked(it), 'data-name': label(it) });
      return { it, b, el: h('label', { class: 'check' }, b, label(it)) };
    });
  }

  function schemasStep(schemas) {
    const boxes = checklist(schemas, (s) => s, (s) => s !== 'public' || schemas.length === 1);
    const next = h('button', { type: 'button', id: 'wizard-tables', onclick: async () => {
      const chosen = boxes.filter((x) => x.b.checked).map((x) => x.it);
      if (!chosen.length) { err.textContent = 'Choose at least one schema.'; return; }
      const r = await run(next, { action: 'discover_tables', schemas: chosen });
      if (r) tablesStep(chosen, r.tables);
    } }, 'Discover tables');
    step.replaceChildren(h('h2', {}, '2. Choose schemas'), h('fieldset', { id: 'wizard-schema-list' }, h('legend', {}, 'Schemas'),
      boxes.map((x) => x.el)), next);
  }

  function tablesStep(schemas, tables) {
    const aliases = Object.fromEntries(schemas.map((s) => [s, h('input', { id: 'alias-' + s, placeholder: s })]));
    const boxes = checklist(tables, (t) => `${t.schema_name}.${t.table_name}`, () => true);
    const next = h('button', { type: 'button', id: 'wizard-columns', onclick: async () => {
      const chosen = boxes.filter((x) => x.b.checked).map((x) => ({ schema: x.it.schema_name, table: x.it.table_name }));
      if (!chosen.length) { err.textContent = 'Choose at least one table.'; return; }
      const r = await run(next, { action: 'discover_columns', tables: chosen });
      if (r) columnsStep(schemas, aliases, tables, boxes, r.tables);
    } }, 'Discover columns');
    step.replaceChildren(h('h2', {}, '3. Choose tables and views'),
      ...schemas.map((s) => field(`Alias for schema ${s} (optional: the name clients see)`, aliases[s])),
      h('fieldset', { id: 'wizard-table-list' }, h('legend', {}, 'Tables'),
        boxes.map((x) => h('div', {}, x.el, h('span', { class: 'type' }, x.it.table_type)))), next);
  }

  function columnsStep(schemas, aliases, tables, tableBoxes, described) {
    const groups = described.map((t) => ({ t, boxes: checklist(t.columns, (c) => c.column_name, () => true) }));
    const save = h('button', { type: 'button', id: 'wizard-save', onclick: async () => {
      const chosen = new Set(tableBoxes.filter((x) => x.b.checked).map((x) => x.it.schema_name + '.' + x.it.table_name));
      const body = schemas.map((s) => ({ schema_name: s, schema_alias: aliases[s].value.trim() || null, is_selected: true,
        tables: tables.filter((t) => t.schema_name === s).map((t) => {
          const g = groups.find((x) => x.t.schema_name === s && x.t.table_name === t.table_name);
          const selected = chosen.has(s + '.' + t.table_name);
          return { table_name: t.table_name, is_selected: selected,
            columns: g ? g.boxes.map((x) => ({ column_name: x.it.column_name, is_selected: selected && x.b.checked })) : undefined };
        }) }));
      const r = await run(save, { action: 'save_catalog', schemas: body });
      if (r) {
        step.replaceChildren(h('h2', {}, 'Saved'), h('p', { class: 'ok', id: 'wizard-done' },
          `Catalog saved: ${r.selected_tables} table(s) and ${r.selected_columns} column(s) selected.`),
        h('p', {}, h('a', { href: '#/datasources/' + seg(id) }, 'Review the catalog')));
      }
    } }, 'Save catalog');
    step.replaceChildren(h('h2', {}, '4. Choose columns'), ...groups.map((g) => h('fieldset', {},
      h('legend', {}, `${g.t.schema_name}.${g.t.table_name}`),
      g.boxes.map((x) => h('div', {}, x.el, h('span', { class: 'type' }, x.it.data_type + (x.it.is_primary_key ? ' · primary key' : '')))))), save);
  }
}
