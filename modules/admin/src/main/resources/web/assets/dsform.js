// The data-source form, driven by GET /api/v1/datasource-types. The password is write-only: it is never
// shown, only whether one is set; leaving it empty on edit keeps the stored one.
import { h, field } from './dom.js';

export function dataSourceForm(type, existing) {
  const controls = {};
  const rows = [];
  const config = existing ? existing.config : {};
  for (const f of type.fields) {
    let c;
    const current = config[f.key];
    if (f.options && f.options.length) {
      c = h('select', { id: 'ds-' + f.key }, f.options.map((o) => h('option', { value: o }, o)));
      c.value = current ?? f.default_value ?? f.options[0];
    } else if (f.type === 'textarea') {
      c = h('textarea', { id: 'ds-' + f.key, value: current ?? '' });
    } else {
      c = h('input', { id: 'ds-' + f.key, type: f.secret ? 'password' : (f.type === 'integer' || f.type === 'number' ? 'number' : 'text'),
        autocomplete: f.secret ? 'new-password' : 'off', value: f.secret ? '' : (current ?? f.default_value ?? '') });
      if (f.required && !(f.secret && existing)) c.required = true;
    }
    let hint = null;
    if (f.secret && existing) hint = config.password_set ? 'A password is set. Leave empty to keep it.' : 'No password is set.';
    controls[f.key] = { control: c, spec: f };
    rows.push(field(f.label + (f.required ? '' : ' (optional)'), c, hint));
  }
  const read = () => {
    const out = {};
    for (const [key, { control, spec }] of Object.entries(controls)) {
      const v = control.value.trim();
      if (v === '') continue;
      out[key] = spec.type === 'integer' || spec.type === 'number' ? Number(v) : (spec.secret ? control.value : v);
    }
    return out;
  };
  return { rows, read };
}
