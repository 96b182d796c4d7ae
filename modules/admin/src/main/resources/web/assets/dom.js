// Small DOM helpers: elements are built with textContent only (no HTML strings), events with listeners.

/** h('button', {class: 'x', onclick: fn, type: 'button'}, 'text', child, [more]) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

let ids = 0;
/** A labelled control: the label wraps the text and the control, with an id for tests and screen readers. */
export function field(label, control, hint) {
  if (!control.id) control.id = 'f' + (++ids);
  const l = h('label', { for: control.id }, label, control);
  if (hint) l.append(h('span', { class: 'muted', text: hint }));
  return l;
}

export function checkbox(label, props = {}) {
  const box = h('input', { type: 'checkbox', ...props });
  return { box, label: h('label', { class: 'check' }, box, label) };
}

/** A place for an error, next to what caused it; role=alert so it is announced. */
export function errorBox() {
  return h('div', { class: 'error', role: 'alert', 'aria-live': 'assertive' });
}

export function showError(box, err) {
  box.textContent = err ? (err.message || String(err)) : '';
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString();
}

export function badge(text, cls) {
  return h('span', { class: 'badge ' + (cls || '') }, text);
}

export function table(headers, rows, caption) {
  return h('table', {},
    caption ? h('caption', { class: 'muted', text: caption }) : null,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'muted' }, 'Nothing here yet.'))));
}

/** Previous / next for a {data,total,page,page_size} page; onGo(page) loads another one. */
export function pager(page, onGo) {
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));
  return h('div', { class: 'pager', role: 'navigation', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'secondary', disabled: page.page <= 1, onclick: () => onGo(page.page - 1) }, 'Previous'),
    h('span', { class: 'muted' }, `Page ${page.page} of ${pages} · ${page.total} in all`),
    h('button', { type: 'button', class: 'secondary', disabled: page.page >= pages, onclick: () => onGo(page.page + 1) }, 'Next'));
}

/** Pages of a list that the API returns whole (members, assignments...). */
export function pageOf(items, pageNo, size = 20) {
  const start = (pageNo - 1) * size;
  return { data: items.slice(start, start + size), total: items.length, page: pageNo, page_size: size };
}

/** Runs an async action from a button: disables it meanwhile and shows a failure in the error box. */
export async function busy(button, errBox, action) {
  if (errBox) showError(errBox, null);
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (e) {
    if (errBox) showError(errBox, e);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function link(href, text) {
  return h('a', { href }, text);
}

export function csv(text) {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length);
}
