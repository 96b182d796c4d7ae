// The stored catalog as a searchable tree of checkboxes; selection() gives save_catalog's "schemas" body.
import { h, field } from './dom.js';

export function catalogTree(catalog) {
  const model = catalog.schemas.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, columns: t.columns || [] })) }));
  const nodes = [];
  const box = (checked, label, onchange) => {
    const b = h('input', { type: 'checkbox', checked, 'aria-label': label, onchange });
    return b;
  };
  const root = h('ul');
  for (const s of model) {
    const sBox = box(s.is_selected, 'schema ' + s.schema_name, () => { s.is_selected = sBox.checked; });
    const tables = h('ul');
    for (const t of s.tables) {
      const tBox = box(t.is_selected, `table ${s.schema_name}.${t.table_name}`, () => {
        t.is_selected = tBox.checked;
        if (t.is_selected && !s.is_selected) { s.is_selected = true; sBox.checked = true; }
      });
      const cols = h('ul');
      for (const c of t.columns) {
        const cBox = box(c.is_selected, `column ${s.schema_name}.${t.table_name}.${c.column_name}`, () => {
          c.is_selected = cBox.checked;
          if (c.is_selected && !t.is_selected) { t.is_selected = true; tBox.checked = true; tBox.dispatchEvent(new Event('change')); }
        });
        const li = h('li', {}, h('label', { class: 'check' }, cBox, c.column_name, h('span', { class: 'type' }, c.data_type)));
        cols.append(li);
        nodes.push({ el: li, text: `${s.schema_name}.${t.table_name}.${c.column_name}`.toLowerCase(), kind: 'column' });
      }
      const details = h('details', {}, h('summary', {}, h('label', { class: 'check' }, tBox, t.table_name,
        h('span', { class: 'type' }, `${t.table_type.toLowerCase()} · ${t.columns.filter((c) => c.is_selected).length}/${t.columns.length} columns`))), cols);
      const li = h('li', {}, details);
      tables.append(li);
      nodes.push({ el: li, details, text: `${s.schema_name}.${t.table_name}`.toLowerCase(), kind: 'table', cols: t.columns.map((c) => c.column_name.toLowerCase()) });
    }
    const li = h('li', {}, h('label', { class: 'check' }, sBox, h('b', {}, s.schema_name),
      s.schema_alias ? h('span', { class: 'type' }, 'shown as ' + s.schema_alias) : null), tables);
    root.append(li);
  }
  const search = h('input', { type: 'search', id: 'catalog-search', placeholder: 'schema, table or column' });
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const n of nodes) {
      if (n.kind === 'table') {
        const colHit = q && n.cols.some((c) => c.includes(q));
        n.el.hidden = q !== '' && !n.text.includes(q) && !colHit;
        n.details.open = !!colHit;
      } else {
        n.el.hidden = q !== '' && !n.text.includes(q) && !n.text.split('.').slice(0, 2).join('.').includes(q);
      }
    }
  });
  const element = h('div', { class: 'tree', id: 'catalog-tree' }, field('Search the catalog', search), root);
  const selection = () => model.map((s) => ({ schema_name: s.schema_name, schema_alias: s.schema_alias || null, is_selected: s.is_selected,
    tables: s.tables.map((t) => ({ table_name: t.table_name, is_selected: t.is_selected,
      columns: t.columns.map((c) => ({ column_name: c.column_name, is_selected: c.is_selected })) })) }));
  return { element, selection };
}
