import { get, post, del, seg, withQuery } from '../api.js';
import { h, field, table, pager, errorBox, busy, debounce, csv } from '../dom.js';

export async function render(view) {
  const search = h('input', { type: 'search', id: 'attr-search' });
  const listErr = errorBox();
  const list = h('div', { id: 'attr-list' });
  let page = 1;
  async function load() {
    const r = await get(withQuery('/api/v1/attribute-definitions', { entity_type: 'user', search: search.value.trim(), page, page_size: 20 }));
    list.replaceChildren(table(['Key', 'Name', 'Type', 'Default', 'Description', ''], r.data.map((d) => {
      const e = errorBox();
      const b = h('button', { type: 'button', class: 'secondary', onclick: () => busy(b, e, async () => {
        try {
          await del('/api/v1/attribute-definitions/' + seg(d.id));
        } catch (x) {
          if (x.status !== 409) throw x;
          // in use: say so, and let the admin choose to delete anyway (those policies then fail closed)
          const force = h('button', { type: 'button', class: 'danger', onclick: () => busy(force, e, async () => {
            await del('/api/v1/attribute-definitions/' + seg(d.id) + '?force=true'); await load();
          }) }, 'Delete anyway');
          e.replaceChildren(x.message + ' ', force);
          return;
        }
        await load();
      }) }, 'Delete');
      return h('tr', {}, h('td', { class: 'mono' }, d.key), h('td', {}, d.display_name || ''), h('td', { class: 'mono' }, signature(d)),
        h('td', { class: 'mono' }, d.default_value === null || d.default_value === undefined ? 'NULL' : JSON.stringify(d.default_value)),
        h('td', {}, d.description || ''), h('td', {}, b, e));
    })), pager(r, (p) => { page = p; busy(null, listErr, load); }));
  }
  search.addEventListener('input', debounce(() => { page = 1; busy(null, listErr, load); }, 300));

  const key = h('input', { id: 'new-attr-key', required: true, autocomplete: 'off' });
  const name = h('input', { id: 'new-attr-name' });
  const type = h('select', { id: 'new-attr-type' }, ['string', 'integer', 'boolean', 'list'].map((t) => h('option', { value: t }, t)));
  const allowed = h('input', { id: 'new-attr-allowed' });
  const dflt = h('input', { id: 'new-attr-default' });
  const description = h('input', { id: 'new-attr-description' });
  const err = errorBox();
  err.id = 'new-attr-error';
  const submit = h('button', { type: 'submit', id: 'new-attr-submit' }, 'Create attribute');
  const form = h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    busy(submit, err, async () => {
      await post('/api/v1/attribute-definitions', { key: key.value.trim(), entity_type: 'user', display_name: name.value.trim() || key.value.trim(),
        value_type: type.value, allowed_values: allowed.value.trim() ? csv(allowed.value) : null,
        default_value: typedDefault(type.value, dflt.value), description: description.value.trim() || null });
      form.reset();
      await load();
    });
  } }, field('Key (used as {user.KEY} in expressions)', key), field('Display name', name), field('Value type', type),
  field('Allowed values', allowed, 'Optional, comma-separated.'), field('Default value', dflt, 'Empty means NULL; lists are comma-separated.'),
  field('Description', description), err, submit);
  view.append(h('h1', {}, 'Attribute definitions'), h('p', { class: 'muted' },
    'Typed user attributes that policies read as {user.key}. A user without a value gets the default.'),
  h('div', { class: 'panel' }, field('Search', search), listErr, list),
  h('details', { class: 'panel', id: 'new-attr' }, h('summary', {}, h('b', {}, 'Define an attribute')), form));
  await load();
}

function signature(d) {
  const t = d.value_type === 'list' ? 'list<string>' : d.value_type;
  return d.allowed_values && d.allowed_values.length ? `${t} ∈ {${d.allowed_values.join(', ')}}` : t;
}

function typedDefault(type, text) {
  const t = text.trim();
  if (t === '') return null;
  if (type === 'integer') return Number(t);
  if (type === 'boolean') return t === 'true';
  if (type === 'list') return csv(t);
  return t;
}
