import { post, ApiError } from '../api.js';
import { h, field, checkbox, errorBox, busy, table } from '../dom.js';

// Policy documents are YAML, not JSON: these two calls read and send text, with the same CSRF header
// and cookie session as every other call.
async function text(method, path, body) {
  const res = await fetch(path, { method, credentials: 'same-origin', body,
    headers: { 'X-Requested-With': 'betweenrows', ...(body === undefined ? {} : { 'Content-Type': 'application/yaml' }) } });
  const out = await res.text();
  if (res.status === 401) { location.hash = '#/login'; throw new ApiError(401, 'unauthorized', 'Your session has expired. Please sign in again.'); }
  if (!res.ok && res.status !== 422) {
    let message = res.status + ' ' + res.statusText;
    try { message = JSON.parse(out).message || message; } catch { /* not JSON */ }
    throw new ApiError(res.status, 'http_' + res.status, message);
  }
  return { status: res.status, body: out };
}

export async function render(view) {
  const backupErr = errorBox();
  const backupOut = h('p', { id: 'backup-result', class: 'mono' });
  const backupBtn = h('button', { type: 'button', id: 'backup-now', onclick: () => busy(backupBtn, backupErr, async () => {
    const r = await post('/api/v1/admin/backup');
    backupOut.replaceChildren('Backup written to ' + r.path);
  }) }, 'Back up the admin store now');

  const exportErr = errorBox();
  const exported = h('pre', { id: 'export-yaml', class: 'mono scroll' });
  const download = h('a', { id: 'export-download', hidden: true, download: 'betweenrows-policies.yaml' }, 'Download the YAML');
  const exportBtn = h('button', { type: 'button', id: 'export-now', onclick: () => busy(exportBtn, exportErr, async () => {
    const r = await text('GET', '/api/v1/policies/export');
    exported.replaceChildren(r.body);
    download.href = URL.createObjectURL(new Blob([r.body], { type: 'application/yaml' }));
    download.hidden = false;
    if (!yaml.value.trim()) yaml.value = r.body;
  }) }, 'Export policies as YAML');

  const yaml = h('textarea', { id: 'import-yaml', rows: 14, spellcheck: false, class: 'mono' });
  const dryRun = checkbox('Dry run: show the plan, change nothing', { id: 'import-dry-run' });
  dryRun.box.checked = true;
  const prune = checkbox('Prune: delete objects that the document does not list', { id: 'import-prune' });
  const importErr = errorBox();
  const result = h('div', { id: 'import-result' });
  const importBtn = h('button', { type: 'button', id: 'import-now', onclick: () => busy(importBtn, importErr, async () => {
    const dry = dryRun.box.checked;
    const pr = prune.box.checked;
    const r = await text('POST', `/api/v1/policies/import?dry_run=${dry}&prune=${pr}`, yaml.value);
    const data = JSON.parse(r.body);
    if (r.status === 422) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, data.message),
        table(['Line', 'Column', 'Problem'], data.problems.map((p) => h('tr', {},
          h('td', {}, String(p.line)), h('td', {}, String(p.column)), h('td', {}, p.message)))));
      return;
    }
    const head = data.applied ? 'Applied in one transaction.' : 'Plan only (dry run): nothing was changed.';
    result.replaceChildren(h('p', {}, head + ' ' + (data.plan.length ? data.plan.length + ' change(s):' : 'Nothing to change.')),
      data.plan.length ? table(['Action', 'Kind', 'Name'], data.plan.map((c) => h('tr', {},
        h('td', {}, c.action), h('td', {}, c.kind), h('td', { class: 'mono' }, c.name)))) : '');
  }) }, 'Import');

  view.append(h('h1', {}, 'Operations'),
    h('section', { class: 'panel' }, h('h2', {}, 'Backup'),
      h('p', { class: 'muted' }, 'A consistent online backup of the admin store, written on the server into its backups directory.'),
      backupBtn, backupErr, backupOut),
    h('section', { class: 'panel' }, h('h2', {}, 'Policy as code: export'),
      h('p', { class: 'muted' }, 'Attributes, roles, data sources (without secrets), grants, catalog, policies and assignments, by name.'),
      exportBtn, exportErr, download, exported),
    h('section', { class: 'panel' }, h('h2', {}, 'Policy as code: import'),
      h('p', { class: 'muted' }, 'Validated first; applied in one transaction or not at all. Users must already exist.'),
      field('Policy document (YAML)', yaml), dryRun.label, prune.label, importBtn, importErr, result));
}
