// The admin API client. The session lives in the HttpOnly br_session cookie (never in script-readable
// storage); every request carries X-Requested-With, which the server requires on cookie-authenticated writes.
let onExpired = () => {};

/** Called once by the shell: what to do when the server says the session is gone (401). */
export function setExpiredHandler(fn) { onExpired = fn; }

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body, { allow401 = false } = {}) {
  const headers = { 'X-Requested-With': 'betweenrows', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'network', 'The admin server cannot be reached: ' + e.message);
  }
  if (res.status === 401 && !allow401) {
    onExpired();
    throw new ApiError(401, 'unauthorized', 'Your session has expired. Please sign in again.');
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) {
    const code = data && data.error ? data.error : 'http_' + res.status;
    const message = data && data.message ? data.message : res.status + ' ' + res.statusText;
    throw new ApiError(res.status, code, message);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body = {}) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** path?k=v for the values that are set. */
export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? path + '?' + s : path;
}

/** Path segment escaping for ids taken from data. */
export const seg = (id) => encodeURIComponent(id);

/** Every item of a paged list (for pickers); stops at 2,000. */
export async function all(path, params = {}) {
  const out = [];
  for (let page = 1; page <= 4; page++) {
    const r = await get(withQuery(path, { ...params, page, page_size: 500 }));
    out.push(...r.data);
    if (out.length >= r.total) break;
  }
  return out;
}
