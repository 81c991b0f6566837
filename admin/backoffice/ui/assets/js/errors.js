// @ts-check
// What a failed call to the API says: its status, its message and, per
// field, what the server refused, always in Vietnamese.

/**
 * What the server says of one field it refused.
 * @typedef {{ code?: string, message: string }} FieldProblem
 * @typedef {Record<string, FieldProblem>} FieldProblems
 * @typedef {{ message?: string, data?: FieldProblems, mfaId?: string }} ErrorBody
 */

/**
 * ApiError is what a failed call throws: the HTTP status (0 when the
 * server could not be reached), a message and, per field, what the server
 * refused, all in Vietnamese; body is the server's answer as it came.
 */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {FieldProblems} [data]
   * @param {ErrorBody} [body]
   */
  constructor(status, message, data, body) {
    super(message);
    this.status = status;
    /** @type {FieldProblems} */
    this.data = data || {};
    /** @type {ErrorBody} */
    this.body = body || {};
  }
}

/**
 * asApiError reads what a failed call threw as an ApiError: itself, or
 * another error (a request aborted, a bug) with status 0 and its own name
 * and message.
 * @param {unknown} e
 * @returns {ApiError}
 */
export function asApiError(e) {
  if (e instanceof ApiError) return e;
  const err = new ApiError(0, e instanceof Error ? e.message : String(e));
  if (e instanceof Error) err.name = e.name;
  return err;
}

/**
 * errorOf reads a failed answer as an ApiError.
 * @param {Response} res
 */
export async function errorOf(res) {
  /** @type {ErrorBody} */
  let body = {};
  try {
    body = await res.json();
  } catch { /* not JSON */ }
  const fallback = /** @type {Record<number, string>} */ ({
    400: 'Dữ liệu gửi lên chưa hợp lệ.',
    401: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    403: 'Bạn không có quyền thực hiện thao tác này.',
    404: 'Không tìm thấy nội dung yêu cầu.',
    413: 'Dữ liệu gửi lên quá lớn.',
    429: 'Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.',
  })[res.status] || `Máy chủ báo lỗi (mã ${res.status}). Vui lòng thử lại sau.`;
  return new ApiError(res.status, vietnamese(body && body.message, fallback), translateData(body && body.data), body);
}

// The server speaks Vietnamese; should a message still come in English
// (a code the server does not translate yet), staff get a Vietnamese one.
/** @type {Record<string, string>} */
const VI_CODES = {
  validation_invalid_old_password: 'Mật khẩu hiện tại không đúng.',
  validation_values_mismatch: 'Hai lần nhập mật khẩu mới không khớp nhau.',
  validation_required: 'Trường này không được để trống.',
};

/**
 * @param {string | undefined} message
 * @param {string} fallback
 */
function vietnamese(message, fallback) {
  if (message && /[^\x00-\x7f]/.test(message)) return message;
  return fallback;
}

/**
 * @param {FieldProblems | undefined} data
 * @returns {FieldProblems | undefined}
 */
function translateData(data) {
  if (!data || typeof data !== 'object') return data;
  for (const v of Object.values(data)) {
    if (v && typeof v === 'object' && typeof v.message === 'string' && !/[^\x00-\x7f]/.test(v.message)) {
      v.message = (v.code && VI_CODES[v.code]) || 'Giá trị không hợp lệ.';
    }
  }
  return data;
}

