// The shell: a hash router, the sidebar, the session (GET /api/v1/auth/me) and expiry handling.
import { api, setExpiredHandler } from './api.js';
import { h } from './dom.js';

export const session = { user: null, flash: null };

// [pattern, page module, parameter names]
const ROUTES = [
  [/^\/login$/, 'login'],
  [/^\/$/, 'dashboard'],
  [/^\/users$/, 'users'],
  [/^\/users\/([^/]+)$/, 'user', ['id']],
  [/^\/roles$/, 'roles'],
  [/^\/roles\/([^/]+)$/, 'role', ['id']],
  [/^\/attributes$/, 'attributes'],
  [/^\/datasources$/, 'datasources'],
  [/^\/datasources\/([^/]+)$/, 'datasource', ['id']],
  [/^\/datasources\/([^/]+)\/discover$/, 'discover', ['id']],
  [/^\/policies$/, 'policies'],
  [/^\/policies\/([^/]+)$/, 'policy', ['id']],
  [/^\/audit\/queries$/, 'query-audit'],
  [/^\/audit\/admin$/, 'admin-audit'],
  [/^\/preview$/, 'preview'],
  [/^\/operations$/, 'operations'],
];

const NAV = [
  ['Overview', [['#/', 'Dashboard']]],
  ['Access control', [['#/users', 'Users'], ['#/roles', 'Roles'], ['#/attributes', 'Attributes'], ['#/policies', 'Policies'], ['#/preview', 'Preview as user']]],
  ['Data', [['#/datasources', 'Data sources']]],
  ['Audit', [['#/audit/queries', 'Query audit'], ['#/audit/admin', 'Admin audit']]],
  ['Operations', [['#/operations', 'Backup and policy YAML']]],
];

export function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

setExpiredHandler(() => {
  if (!session.user && currentPath() === '/login') return;
  session.user = null;
  session.flash = 'Your session has expired. Please sign in again.';
  go('#/login');
});

function currentPath() {
  const p = location.hash.replace(/^#/, '');
  return p === '' ? '/' : p.split('?')[0];
}

let version = null;
async function renderNav() {
  const nav = document.getElementById('nav');
  if (!session.user) { nav.hidden = true; nav.replaceChildren(); return; }
  if (version === null) {
    version = '';
    try { version = (await api('GET', '/health', undefined, { allow401: true })).version; } catch { /* shown as blank */ }
  }
  const path = '#' + currentPath();
  const signOut = h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOutNow }, 'Sign out');
  nav.replaceChildren(h('div', { class: 'brand' }, 'BetweenRows'),
    ...NAV.flatMap(([group, links]) => [h('h2', {}, group), ...links.map(([href, text]) =>
      h('a', { href, 'aria-current': (path === href || (href !== '#/' && path.startsWith(href + '/'))) ? 'page' : null }, text))]),
    h('div', { class: 'foot' }, h('span', {}, 'Signed in as ', h('b', { id: 'whoami' }, session.user.username)),
      signOut, h('span', { id: 'version' }, version ? 'Version ' + version : '')));
  nav.hidden = false;
}

async function signOutNow() {
  try { await api('POST', '/api/v1/auth/logout', {}, { allow401: true }); } catch { /* signed out either way */ }
  session.user = null;
  session.flash = 'You have signed out.';
  go('#/login');
}

let generation = 0;
async function route() {
  const gen = ++generation;
  const path = currentPath();
  if (path === '/login') session.user = null;   // the sign-in page is always signed out (the next page asks /me again)
  if (!session.user && path !== '/login') {
    try {
      session.user = await api('GET', '/api/v1/auth/me', undefined, { allow401: true });
    } catch {
      session.user = null;
    }
    if (gen !== generation) return;
    if (!session.user) { go('#/login'); return; }
  }
  let match = null;
  for (const [re, page, names] of ROUTES) {
    const m = path.match(re);
    if (m) { match = { page, params: Object.fromEntries((names || []).map((n, i) => [n, decodeURIComponent(m[i + 1])])) }; break; }
  }
  await renderNav();
  const main = document.getElementById('main');
  const view = h('div', { class: 'view', 'data-page': match ? match.page : 'not-found' });
  main.replaceChildren(view);
  if (!match) { view.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the dashboard'))); return; }
  try {
    const mod = await import('./pages/' + match.page + '.js');
    if (gen !== generation) return;
    await mod.render(view, match.params);
  } catch (e) {
    if (gen === generation && e.status !== 401) view.append(h('div', { class: 'error', role: 'alert' }, e.message || String(e)));
  }
  if (gen === generation) {
    const target = view.querySelector('[autofocus]') || view.querySelector('h1');
    if (target) { if (target.tagName === 'H1') target.tabIndex = -1; target.focus(); }
  }
}

window.addEventListener('hashchange', route);
route();
