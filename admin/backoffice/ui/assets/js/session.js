// @ts-check
// Signing in (a password, then for two-step accounts the mailed code),
// keeping the session's token fresh, and signing out, which ends the
// session on the server too.

/**
 * @import { Staff } from './types.js'
 */

import { auth, request, expiresAt } from './api.js';
import { ApiError } from './errors.js';

/**
 * A sign-in that waits for its mailed code (the email it went to).
 * @typedef {{ mfaId: string, otpId: string, email: string }} Mfa
 */

/**
 * What the server answers a sign-in.
 * @typedef {{ token: string, record: Staff }} AuthAnswer
 */

/**
 * login signs in with a password. It returns { record } when that is
 * enough, or { mfa } when the account has two-step sign-in: the server has
 * accepted the password and mailed a code, which loginWithCode takes.
 * @param {string} identity
 * @param {string} password
 * @returns {Promise<{ record: Staff, mfa?: undefined } | { mfa: Mfa, record?: undefined }>}
 */
export async function login(identity, password) {
  let res;
  try {
    res = /** @type {AuthAnswer} */ (await request('POST', '/api/collections/staff/auth-with-password', { identity, password }, { noExpire: true }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && err.body && err.body.mfaId) {
      const otpId = await requestCode(identity);
      return { mfa: { mfaId: err.body.mfaId, otpId, email: identity } };
    }
    throw err;
  }
  auth.save(res.token, res.record);
  return { record: res.record };
}

/**
 * requestCode asks the server to mail a new sign-in code; it returns the
 * code's id.
 * @param {string} email
 * @returns {Promise<string>}
 */
export async function requestCode(email) {
  const res = /** @type {{ otpId: string }} */ (await request('POST', '/api/collections/staff/request-otp', { email }, { noExpire: true }));
  return res.otpId;
}

/**
 * loginWithCode finishes a two-step sign-in with the mailed code.
 * @param {Mfa} mfa
 * @param {string} code
 */
export async function loginWithCode(mfa, code) {
  const res = /** @type {AuthAnswer} */ (await request('POST', '/api/collections/staff/auth-with-otp',
    { otpId: mfa.otpId, password: code, mfaId: mfa.mfaId }, { noExpire: true }));
  auth.save(res.token, res.record);
  return res.record;
}

/**
 * refresh renews the session's token (and the account as stored); quiet,
 * a 401 does not end the session here.
 */
export async function refresh({ quiet = false } = {}) {
  const res = /** @type {AuthAnswer} */ (await request('POST', '/api/collections/staff/auth-refresh', undefined, { noExpire: quiet }));
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
