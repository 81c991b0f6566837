// @ts-check
// The back office talks to PocketBase's REST API only; every permission is
// the API rules' decision. The token is kept in localStorage (shared by the
// tabs of this browser); session.js signs in and out and keeps it fresh,
// errors.js says what went wrong.

/**
 * @import { Found, ListResult, RecordOf, Staff } from './types.js'
 */

import { ApiError, errorOf } from './errors.js';
import { sendForm } from './transfer.js';

export { ApiError, asApiError } from './errors.js';

/**
 * @typedef {object} RequestOpts
 * @property {AbortSignal} [signal]
 * @property {boolean} [raw]       return the Response itself (a file, a page)
 * @property {boolean} [noExpire]  a 401 does not end the session here
 * @property {(sent: number) => void} [progress]  form data is sent with
 *   its progress told (the share sent, 0 to 1)
 */

const KEY = 'daison.quantri.auth';
/** @type {Set<() => void>} */
const listeners = new Set();

export const auth = {
  token: '',
  /** @type {Staff | null} */
  record: null,
  load() {
    try {
      const v = JSON.parse(localStorage.getItem(KEY) || 'null');
      if (v && v.token && v.record && !expired(v.token)) {
        this.token = v.token;
        this.record = v.record;
        return;
      }
    } catch { /* a damaged entry: log in again */ }
    this.token = '';
    this.record = null;
  },
  /**
   * @param {string} token
   * @param {Staff} record
   */
  save(token, record) {
    this.token = token;
    this.record = record;
    localStorage.setItem(KEY, JSON.stringify({ token, record }));
  },
  clear() {
    this.token = '';
    this.record = null;
    localStorage.removeItem(KEY);
  },
  get valid() {
    return !!this.token && !expired(this.token);
  },
  get role() { return this.record ? this.record.role : ''; },
  get unit() { return this.record ? this.record.unit : ''; },
  get email() { return this.record ? this.record.email : ''; },
  /**
   * onChange hears of a login or logout in another tab.
   * @param {() => void} f
   */
  onChange(f) { listeners.add(f); },
};

// Another tab logged in or out.
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  auth.load();
  listeners.forEach((f) => f());
});

/**
 * @param {string} token
 * @returns {{ exp?: number }}
 */
function payload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

/** @param {string} token */
export function expiresAt(token) {
  const p = payload(token);
  return p.exp ? p.exp * 1000 : 0;
}

/** @param {string} token */
function expired(token) {
  return expiresAt(token) <= Date.now() + 5000;
}

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.';

/**
 * request calls the API. body may be a plain object (sent as JSON) or a
 * FormData (multipart). It returns the decoded JSON answer (for the caller
 * to read as the route documents it), the Response itself with opts.raw,
 * or throws an ApiError whose message and data (per field) are in
 * Vietnamese.
 * @overload
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {RequestOpts & { raw: true }} opts
 * @returns {Promise<Response>}
 */
/**
 * @overload
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {RequestOpts} [opts]
 * @returns {Promise<unknown>}
 */
/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {RequestOpts} [opts]
 * @returns {Promise<unknown>}
 */
export async function request(method, path, body, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (auth.token) headers.Authorization = auth.token;
  if (body instanceof FormData && opts.progress && !opts.raw) {
    return sendForm(method, path, body, auth.token, opts.progress, NETWORK_MESSAGE).catch((err) => {
      if (err instanceof ApiError && err.status === 401 && auth.token && !opts.noExpire) { auth.clear(); expiredHandler(err); }
      throw err;
    });
  }
  let payloadBody;
  if (body instanceof FormData) {
    payloadBody = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payloadBody = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payloadBody, signal: opts.signal, credentials: 'omit' });
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  if (opts.raw) {
    if (!res.ok) throw await errorOf(res);
    return res;
  }
  if (res.status === 204) return null;
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && auth.token && !opts.noExpire) {
      auth.clear();
      expiredHandler(err);
    }
    throw err;
  }
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** @type {(err: ApiError) => void} */
let expiredHandler = () => {};
/**
 * onExpired names what to do when the server says the session has ended.
 * @param {(err: ApiError) => void} f
 */
export function onExpired(f) { expiredHandler = f; }

/**
 * get reads path.
 * @param {string} path
 * @param {RequestOpts} [opts]
 */
export const get = (path, opts) => request('GET', path, undefined, opts);

/**
 * The query of a list: page, perPage, sort, filter, expand, fields…; empty
 * values are left out.
 * @typedef {Record<string, string | number | boolean | null | undefined>} ListParams
 */

/**
 * list reads one page of records.
 * @template {string} C
 * @param {C} collection
 * @param {ListParams} [params]
 * @param {RequestOpts} [opts]
 * @returns {Promise<ListResult<RecordOf<C>>>}
 */
export async function list(collection, params = {}, opts) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  return /** @type {ListResult<RecordOf<C>>} */ (await get(`/api/collections/${collection}/records?${qs}`, opts));
}

/**
 * find finds records by the words typed, as citizens' search does:
 * without diacritics ("hoang thi" finds "Hoàng Thị"), words in any order,
 * the last one begun (admin/find.go). params: in (fields searched), sort
 * ('vi' for Vietnamese alphabetical order), eq.<field>, scheduled, limit,
 * offset.
 * @param {string} collection
 * @param {string} text
 * @param {ListParams} [params]
 * @param {RequestOpts} [opts]
 * @returns {Promise<Found>}
 */
export async function find(collection, text, params = {}, opts) {
  const qs = new URLSearchParams({ q: text });
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  return /** @type {Found} */ (await get(`/api/portal/find/${collection}?${qs}`, opts));
}

/**
 * view reads one record.
 * @template {string} C
 * @param {C} collection
 * @param {string} id
 * @param {Record<string, string>} [params]
 * @returns {Promise<RecordOf<C>>}
 */
export async function view(collection, id, params = {}) {
  const qs = new URLSearchParams(params);
  return /** @type {RecordOf<C>} */ (await get(`/api/collections/${collection}/records/${encodeURIComponent(id)}?${qs}`));
}

/**
 * create saves a new record and returns it as stored.
 * @template {string} C
 * @param {C} collection
 * @param {Record<string, unknown> | FormData} body
 * @param {Record<string, string>} [params]
 * @param {RequestOpts} [opts]
 * @returns {Promise<RecordOf<C>>}
 */
export async function create(collection, body, params = {}, opts = {}) {
  const qs = new URLSearchParams(params);
  return /** @type {RecordOf<C>} */ (await request('POST', `/api/collections/${collection}/records?${qs}`, body, opts));
}

/**
 * update saves fields of a record and returns it as stored.
 * @template {string} C
 * @param {C} collection
 * @param {string} id
 * @param {Record<string, unknown> | FormData} body
 * @param {Record<string, string>} [params]
 * @param {RequestOpts} [opts]
 * @returns {Promise<RecordOf<C>>}
 */
export async function update(collection, id, body, params = {}, opts = {}) {
  const qs = new URLSearchParams(params);
  return /** @type {RecordOf<C>} */ (await request('PATCH', `/api/collections/${collection}/records/${encodeURIComponent(id)}?${qs}`, body, opts));
}

/**
 * remove deletes a record.
 * @param {string} collection
 * @param {string} id
 */
export function remove(collection, id) {
  return request('DELETE', `/api/collections/${collection}/records/${encodeURIComponent(id)}`);
}

/**
 * fileURL is the address of an uploaded file, as a thumbnail if thumb is set.
 * @param {{ collectionId: string, id: string }} record
 * @param {string} name
 * @param {string} [thumb]
 */
export function fileURL(record, name, thumb) {
  if (!name) return '';
  const u = `/api/files/${record.collectionId}/${record.id}/${encodeURIComponent(name)}`;
  return thumb ? `${u}?thumb=${thumb}` : u;
}


