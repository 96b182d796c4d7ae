// A policy's version history and the diff between two versions.
import { get, seg } from './api.js';
import { h, field, table, pager, pageOf, errorBox, busy, fmtTime } from './dom.js';

export async function history(policy) {
  const base = '/api/v1/policies/' + seg(policy.id);
  const versions = await get(base + '/versions');
  const out = h('div', { id: 'version-list' });
  const newestFirst = [...versions].reverse();
  const draw = (p) => {
    const pg = pageOf(newestFirst, p, 10);
    out.replaceChildren(table(['Version', 'Change', 'When', 'By'], pg.data.map((v) => h('tr', {},
      h('td', { class: 'num' }, String(v.version)), h('td', {}, v.change_type), h('td', {}, fmtTime(v.created_at)),
      h('td', {}, v.created_by)))), pager(pg, draw));
  };
  draw(1);
  const numbers = [...new Set(versions.map((v) => v.version))];
  const pick = (id, value) => {
    const s = h('select', { id }, numbers.map((n) => h('option', { value: String(n) }, 'v' + n)));
    s.value = String(value);
    return s;
  };
  const latest = numbers[numbers.length - 1];
  const from = pick('diff-from', numbers.length > 1 ? numbers[numbers.length - 2] : latest);
  const to = pick('diff-to', latest);
  const err = errorBox();
  const diff = h('div', { id: 'diff' });
  const show = h('button', { type: 'submit', id: 'diff-show' }, 'Compare');
  const form = h('form', { class: 'row', onsubmit: (ev) => {
    ev.preventDefault();
    busy(show, err, async () => {
      const d = await get(base + '/diff?from=' + from.value + '&to=' + to.value);
      const rows = Object.entries(d.changes || {}).map(([k, c]) => h('tr', {}, h('td', { class: 'mono' }, k),
        h('td', {}, h('pre', {}, pretty(c.from))), h('td', {}, h('pre', {}, pretty(c.to)))));
      diff.replaceChildren(rows.length ? table(['Field', 'v' + d.from, 'v' + d.to], rows) : h('p', { class: 'muted' }, 'No differences.'));
    });
  } }, field('From', from), field('To', to), show);
  return h('section', { class: 'panel' }, h('h2', {}, 'History'), out, numbers.length > 1 ? form : null, err, diff);
}

export function pretty(v) {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}
