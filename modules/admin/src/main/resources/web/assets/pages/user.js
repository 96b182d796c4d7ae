import { get, put, del, seg, all } from '../api.js';
import { h, field, checkbox, table, badge, errorBox, busy, fmtTime, pager, pageOf, csv } from '../dom.js';
import { go } from '../app.js';

export async function render(view, { id }) {
  const base = '/api/v1/users/' + seg(id);
  const [user, defs] = await Promise.all([get(base), all('/api/v1/attribute-definitions', { entity_type: 'user' })]);
  view.append(h('h1', {}, 'User ', h('span', { class: 'mono' }, user.username)),
    h('p', { class: 'muted' }, 'Created ', fmtTime(user.created_at), ' · last sign-in ', fmtTime(user.last_login_at), ' · id ',
      h('code', {}, user.id), ' · ', h('a', { href: '#/preview?user_id=' + seg(user.id), id: 'user-preview' }, 'Preview a query as this user')));
  view.append(profile(base, user), attributes(base, user, defs), password(base), effective(base), danger(base, user));
}

function profile(base, user) {
  const email = h('input', { id: 'user-email', type: 'email', value: user.email || '' });
  const display = h('input', { id: 'user-display', value: user.display_name || '' });
  const admin = checkbox('Administrator', { id: 'user-admin', checked: user.is_admin });
  const err = errorBox();
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit', id: 'user-save' }, 'Save profile');
  return h('section', { class: 'panel' }, h('h2', {}, 'Profile'), h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    done.textContent = '';
    busy(save, err, async () => {
      await put(base, { email: email.value.trim(), display_name: display.value.trim(), is_admin: admin.box.checked });
      done.textContent = 'Saved.';
    });
  } }, field('Email', email), field('Display name', display), admin.label, err, h('div', { class: 'row' }, save, done)));
}

/** One input per attribute definition, typed by its value_type and allowed values. */
function attributeInput(def, value) {
  const allowed = def.allowed_values && def.allowed_values.length ? def.allowed_values : null;
  const name = 'attr-' + def.key;
  if (def.value_type === 'boolean') {
    const s = h('select', { id: name }, h('option', { value: '' }, '(not set)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    s.value = value === undefined || value === null ? '' : String(value);
    return { el: s, read: () => (s.value === '' ? undefined : s.value === 'true') };
  }
  if (def.value_type === 'integer') {
    const i = h('input', { id: name, type: 'number', step: '1', value: value ?? '' });
    return { el: i, read: () => (i.value === '' ? undefined : Number(i.value)) };
  }
  if (def.value_type === 'list') {
    if (allowed) {
      const s = h('select', { id: name, multiple: true, size: Math.min(6, allowed.length) },
        allowed.map((v) => h('option', { value: v, selected: (value || []).includes(v) }, v)));
      return { el: s, read: () => { const v = [...s.selectedOptions].map((o) => o.value); return v.length ? v : undefined; } };
    }
    const i = h('input', { id: name, value: (value || []).join(', ') });
    return { el: i, read: () => { const v = csv(i.value); return v.length ? v : undefined; }, hint: 'Comma-separated values.' };
  }
  if (allowed) {
    const s = h('select', { id: name }, h('option', { value: '' }, '(not set)'), allowed.map((v) => h('option', { value: v }, v)));
    s.value = value ?? '';
    return { el: s, read: () => (s.value === '' ? undefined : s.value) };
  }
  const i = h('input', { id: name, value: value ?? '' });
  return { el: i, read: () => (i.value === '' ? undefined : i.value) };
}

function attributes(base, user, defs) {
  const section = h('section', { class: 'panel' }, h('h2', {}, 'Attributes'));
  if (!defs.length) {
    section.append(h('p', { class: 'muted' }, 'No user attributes are defined. ', h('a', { href: '#/attributes' }, 'Define one')));
    return section;
  }
  const inputs = defs.map((d) => ({ def: d, ...attributeInput(d, (user.attributes || {})[d.key]) }));
  const err = errorBox();
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit', id: 'attributes-save' }, 'Save attributes');
  section.append(h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    done.textContent = '';
    busy(save, err, async () => {
      const body = {};
      for (const i of inputs) { const v = i.read(); if (v !== undefined) body[i.def.key] = v; }
      await put(base + '/attributes', body);
      done.textContent = 'Saved.';
    });
  } }, inputs.map((i) => field(`${i.def.display_name || i.def.key} (${i.def.key}: ${i.def.value_type})`, i.el, i.hint)),
  err, h('div', { class: 'row' }, save, done)));
  return section;
}

function password(base) {
  const pw = h('input', { id: 'user-new-password', type: 'password', autocomplete: 'new-password' });
  const err = errorBox();
  const done = h('span', { class: 'ok', role: 'status' });
  const save = h('button', { type: 'submit', id: 'user-password-save' }, 'Set password');
  return h('section', { class: 'panel' }, h('h2', {}, 'Password'), h('form', { class: 'stack', onsubmit: (ev) => {
    ev.preventDefault();
    done.textContent = '';
    busy(save, err, async () => {
      await put(base + '/password', { password: pw.value });
      pw.value = '';
      done.textContent = 'Password changed.';
    });
  } }, field('New password', pw, 'At least 8 characters.'), err, h('div', { class: 'row' }, save, done)));
}

function effective(base) {
  const out = h('div');
  const err = errorBox();
  const show = h('button', { type: 'button', class: 'secondary', onclick: () => busy(show, err, async () => {
    const list = await get(base + '/effective-policies');
    const draw = (p) => {
      const pg = pageOf(list, p);
      out.replaceChildren(table(['Policy', 'Type', 'Data source', 'Priority', 'Source', 'Problem'], pg.data.map((e) => h('tr', {},
        h('td', {}, h('a', { href: '#/policies/' + seg(e.policy_id) }, e.policy_name), ' v', String(e.version)),
        h('td', {}, e.policy_type), h('td', {}, e.datasource_name), h('td', { class: 'num' }, String(e.priority)),
        h('td', {}, (e.sources || [e.source]).join('; ')), h('td', { class: e.binding_error ? 'error' : '' }, e.binding_error || '')))),
      pager(pg, draw));
    };
    draw(1);
  }) }, 'Show the policies that apply');
  return h('section', { class: 'panel' }, h('h2', {}, 'Policies in force'), show, err, out);
}

function danger(base, user) {
  const err = errorBox();
  const toggle = h('button', { type: 'button', id: 'user-toggle-active', class: user.is_active ? 'danger' : '', onclick: () => busy(toggle, err, async () => {
    await put(base, { is_active: !user.is_active });
    go(location.hash);
  }) }, user.is_active ? 'Deactivate' : 'Activate');
  const confirmName = h('input', { id: 'user-delete-confirm', autocomplete: 'off' });
  const remove = h('button', { type: 'button', class: 'danger', onclick: () => busy(remove, err, async () => {
    if (confirmName.value !== user.username) throw new Error('Type the username to confirm the deletion.');
    await del(base);
    go('#/users');
  }) }, 'Delete user');
  return h('section', { class: 'panel' }, h('h2', {}, 'Status'),
    h('p', {}, 'This user is ', badge(user.is_active ? 'active' : 'inactive', user.is_active ? 'on' : 'off'),
      '. Deactivating ends the user\'s open sessions.'),
    toggle, h('h3', {}, 'Delete'), h('div', { class: 'row' }, field('Type the username to delete', confirmName), remove), err);
}

