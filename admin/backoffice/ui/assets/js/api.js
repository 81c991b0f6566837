// @ts-check
// The back office talks to PocketBase's REST API only; every permission is
// the API rules' decision. The token is kept in localStorage (shared by the
// tabs of this browser), refreshed before it expires, and ended on the
// server and removed here on logout.

const KEY = 'daison.quantri.auth';
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, message, data, body) {
    super(message);
    this.status = status;
    this.data = data || {};
    this.body = body || {};
  }
}

export const auth = {
  token: '',
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
  // onChange hears of a login or logout in another tab.
  onChange(f) { listeners.add(f); },
};

// Another tab logged in or out.
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  auth.load();
  listeners.forEach((f) => f());
});

function payload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

function expiresAt(token) {
  const p = payload(token);
  return p.exp ? p.exp * 1000 : 0;
}

function expired(token) {
  return expiresAt(token) <= Date.now() + 5000;
}

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.';

// request calls the API. body may be a plain object (sent as JSON) or a
// FormData (multipart). It returns the decoded JSON answer or throws an
// ApiError whose message and data (per field) are in Vietnamese.
export async function request(method, path, body, opts = {}) {
  const headers = {};
  if (auth.token) headers.Authorization = auth.token;
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
    if (err && err.name === 'AbortError') throw err;
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

async function errorOf(res) {
  let body = {};
  try {
    body = await res.json();
  } catch { /* not JSON */ }
  const fallback = {
    400: 'Dữ liệu gửi lên chưa hợp lệ.',
    401: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    403: 'Bạn không có quyền thực hiện thao tác này.',
    404: 'Không tìm thấy nội dung yêu cầu.',
    413: 'Dữ liệu gửi lên quá lớn.',
    429: 'Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.',
  }[res.status] || `Máy chủ báo lỗi (mã ${res.status}). Vui lòng thử lại sau.`;
  return new ApiError(res.status, vietnamese(body && body.message, fallback), translateData(body && body.data), body);
}

// The server speaks Vietnamese; should a message still come in English
// (a code the server does not translate yet), staff get a Vietnamese one.
const VI_CODES = {
  validation_invalid_old_password: 'Mật khẩu hiện tại không đúng.',
  validation_values_mismatch: 'Hai lần nhập mật khẩu mới không khớp nhau.',
  validation_required: 'Trường này không được để trống.',
};

function vietnamese(message, fallback) {
  if (message && /[^\x00-\x7f]/.test(message)) return message;
  return fallback;
}

function translateData(data) {
  if (!data || typeof data !== 'object') return data;
  for (const v of Object.values(data)) {
    if (v && typeof v === 'object' && typeof v.message === 'string' && !/[^\x00-\x7f]/.test(v.message)) {
      v.message = VI_CODES[v.code] || 'Giá trị không hợp lệ.';
    }
  }
  return data;
}

/** @type {(err: ApiError) => void} */
let expiredHandler = () => {};
/**
 * onExpired names what to do when the server says the session has ended.
 * @param {(err: ApiError) => void} f
 */
export function onExpired(f) { expiredHandler = f; }

export const get = (path, opts) => request('GET', path, undefined, opts);

// list reads one page of records.
export function list(collection, params = {}, opts) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  return get(`/api/collections/${collection}/records?${qs}`, opts);
}

export function view(collection, id, params = {}) {
  const qs = new URLSearchParams(params);
  return get(`/api/collections/${collection}/records/${encodeURIComponent(id)}?${qs}`);
}

export function create(collection, body, params = {}) {
  const qs = new URLSearchParams(params);
  return request('POST', `/api/collections/${collection}/records?${qs}`, body);
}

export function update(collection, id, body, params = {}) {
  const qs = new URLSearchParams(params);
  return request('PATCH', `/api/collections/${collection}/records/${encodeURIComponent(id)}?${qs}`, body);
}

export function remove(collection, id) {
  return request('DELETE', `/api/collections/${collection}/records/${encodeURIComponent(id)}`);
}

// fileURL is the address of an uploaded file, as a thumbnail if thumb is set.
export function fileURL(record, name, thumb) {
  if (!name) return '';
  const u = `/api/files/${record.collectionId}/${record.id}/${encodeURIComponent(name)}`;
  return thumb ? `${u}?thumb=${thumb}` : u;
}

// login signs in with a password. It returns { record } when that is
// enough, or { mfa } when the account has two-step sign-in: the server has
// accepted the password and mailed a code, which loginWithCode takes.
export async function login(identity, password) {
  let res;
  try {
    res = await request('POST', '/api/collections/staff/auth-with-password', { identity, password }, { noExpire: true });
  } catch (err) {
    if (err.status === 401 && err.body && err.body.mfaId) {
      const otpId = await requestCode(identity);
      return { mfa: { mfaId: err.body.mfaId, otpId, email: identity } };
    }
    throw err;
  }
  auth.save(res.token, res.record);
  return { record: res.record };
}

// requestCode asks the server to mail a new sign-in code; it returns the
// code's id.
export async function requestCode(email) {
  const res = await request('POST', '/api/collections/staff/request-otp', { email }, { noExpire: true });
  return res.otpId;
}

// loginWithCode finishes a two-step sign-in with the mailed code.
export async function loginWithCode(mfa, code) {
  const res = await request('POST', '/api/collections/staff/auth-with-otp',
    { otpId: mfa.otpId, password: code, mfaId: mfa.mfaId }, { noExpire: true });
  auth.save(res.token, res.record);
  return res.record;
}

export async function refresh({ quiet = false } = {}) {
  const res = await request('POST', '/api/collections/staff/auth-refresh', undefined, { noExpire: quiet });
  auth.save(res.token, res.record);
  return res.record;
}

// logout ends the session on the server (every token of the account stops
// working), then forgets it here; offline, it is forgotten here only.
export async function logout() {
  if (auth.token) {
    try {
      await request('POST', '/api/portal/logout', undefined, { noExpire: true });
    } catch { /* offline, or the session had already ended */ }
  }
  auth.clear();
}

// keepFresh refreshes the token when less than two hours of it are left,
// checking every few minutes and when the tab becomes visible again.
export function keepFresh() {
  const check = async () => {
    if (!auth.token) return;
    if (expiresAt(auth.token) - Date.now() < 2 * 60 * 60 * 1000) {
      try {
        await refresh();
      } catch { /* request() logs out on 401; a network error waits for the next check */ }
    }
  };
  setInterval(check, 5 * 60 * 1000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
