// @ts-check
// The pages a staff member reaches without being signed in, from the
// login page or a link the portal mailed: asking for a password reset,
// choosing the new password, confirming the account's address and
// confirming a new address. The mailed token is in the address's fragment
// (#…), which browsers never send to a server or a proxy's log; it is
// removed from the address as soon as it is read.

/**
 * @import { Problem } from '../ui-types.js'
 * @import { Child } from '../dom.js'
 */

import { auth, request, asApiError } from '../api.js';
import { h, fill } from '../util.js';
import { BASE, navigate, setFlash, setTitle } from '../nav.js';
import { errorSummary, setInvalid } from '../forms/field.js';

// PUBLIC are the pages open without signing in, by their first segment.
export const PUBLIC = {
  forgot: 'quen-mat-khau',
  reset: 'dat-lai-mat-khau',
  verify: 'xac-nhan-email',
  emailChange: 'doi-email',
};

const COLLECTION = '/api/collections/staff/';

const EXPIRED = 'Liên kết đã hết hạn hoặc đã được dùng. Hãy yêu cầu gửi lại thư.';

/**
 * A labelled input with its message box.
 * @typedef {{ input: HTMLInputElement, err: HTMLElement, el: HTMLElement }} Field
 */

// token reads the mailed token from the fragment and takes it out of the
// address (and of the history).
function token() {
  const t = decodeURIComponent(location.hash.slice(1)).trim();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return t;
}

/**
 * page draws one of these pages: its title and what it shows.
 * @param {HTMLElement} el
 * @param {string} title
 * @param {...Child} children
 */
function page(el, title, ...children) {
  setTitle(title);
  fill(el, h('div', { class: 'login' }, h('h1', {}, title), ...children));
}

/**
 * badLink says a mailed link is incomplete or expired.
 * @param {HTMLElement} el
 * @param {string} title
 */
function badLink(el, title) {
  page(el, title,
    h('div', { class: 'notice notice-error', role: 'alert' },
      'Liên kết không đầy đủ hoặc đã hết hạn. Hãy mở lại liên kết trong thư mới nhất, hoặc yêu cầu gửi lại thư.'),
    h('p', {}, h('a', { href: BASE + PUBLIC.forgot }, 'Yêu cầu đặt lại mật khẩu')),
    h('p', {}, h('a', { href: BASE + 'dang-nhap' }, 'Về trang đăng nhập')));
}

/**
 * field makes a labelled input with its message box.
 * @param {string} id
 * @param {string} label
 * @param {Record<string, string>} attrs
 * @returns {Field}
 */
function field(id, label, attrs, hint = '') {
  const input = h('input', { id, name: id, 'aria-describedby': `${id}-error${hint ? ` ${id}-hint` : ''}`, ...attrs });
  const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  return {
    input, err,
    el: h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, err, input),
  };
}

/**
 * submitting runs send with the form's button disabled, showing the
 * server's refusal in the summary and beside the fields it names.
 * @param {HTMLButtonElement | null} button
 * @param {HTMLElement} summary
 * @param {Record<string, Field>} fields
 * @param {() => Promise<unknown>} send
 */
async function submitting(button, summary, fields, send) {
  const label = button ? button.textContent : '';
  if (button) {
    button.disabled = true;
    button.textContent = 'Đang gửi…';
  }
  Object.values(fields).forEach((f) => setInvalid(f.input, f.err, ''));
  try {
    await send();
    return true;
  } catch (ex) {
    const err = asApiError(ex);
    /** @type {Problem[]} */
    const items = [];
    for (const [k, info] of Object.entries(err.data || {})) {
      const f = fields[k];
      const m = k === 'token' ? EXPIRED : (info.message || String(info));
      if (f) { setInvalid(f.input, f.err, m); items.push({ href: '#' + f.input.id, text: m }); } else items.push({ text: m });
    }
    if (!items.length) items.push({ text: err.status === 400 ? EXPIRED : err.message });
    const box = errorSummary(items, err.status === 429 ? 'Tạm khóa' : 'Chưa thực hiện được');
    fill(summary, box);
    box.focus();
    return false;
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}

/**
 * renderForgot asks for a reset mail; it says the same whether or not the
 * address has an account.
 * @param {HTMLElement} el
 */
export function renderForgot(el) {
  const summary = h('div');
  const msg = h('div', { role: 'status' });
  const email = field('email', 'Email của tài khoản', { type: 'email', autocomplete: 'username', spellcheck: 'false' });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Gửi thư đặt lại mật khẩu');
  page(el, 'Quên mật khẩu',
    h('p', { class: 'lead' }, 'Nhập email của tài khoản cán bộ. Cổng sẽ gửi tới địa chỉ đó một liên kết để chọn mật khẩu mới (có hiệu lực 30 phút).'),
    msg, summary,
    h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit }, email.el, submit),
    h('p', {}, h('a', { href: BASE + 'dang-nhap' }, 'Về trang đăng nhập')));

  /** @param {SubmitEvent} e */
  async function onSubmit(e) {
    e.preventDefault();
    summary.replaceChildren();
    msg.replaceChildren();
    const value = email.input.value.trim();
    if (!value) {
      setInvalid(email.input, email.err, 'Hãy nhập email của bạn.');
      const box = errorSummary([{ href: '#email', text: 'Hãy nhập email của bạn.' }]);
      fill(summary, box);
      box.focus();
      return;
    }
    const ok = await submitting(submit, summary, { email }, () => request('POST', COLLECTION + 'request-password-reset', { email: value }, { noExpire: true }));
    if (ok) {
      fill(msg, h('div', { class: 'notice notice-success' },
        `Nếu ${value} là email của một tài khoản cán bộ, thư đặt lại mật khẩu đã được gửi tới đó. Hãy xem hộp thư (cả mục thư rác).`));
    }
  }
}

/**
 * renderReset chooses the new password with the mailed token.
 * @param {HTMLElement} el
 */
export function renderReset(el) {
  const t = token();
  if (!t) return badLink(el, 'Đặt lại mật khẩu');
  const summary = h('div');
  const password = field('password', 'Mật khẩu mới', { type: 'password', autocomplete: 'new-password' }, 'Ít nhất 10 ký tự; không dùng mật khẩu phổ biến, dãy số hay email của bạn.');
  const passwordConfirm = field('passwordConfirm', 'Nhập lại mật khẩu mới', { type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Đặt mật khẩu mới');
  page(el, 'Đặt lại mật khẩu',
    summary,
    h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit }, password.el, passwordConfirm.el, submit));
  password.input.focus();

  /** @param {SubmitEvent} e */
  async function onSubmit(e) {
    e.preventDefault();
    summary.replaceChildren();
    if (password.input.value !== passwordConfirm.input.value || !password.input.value) {
      const m = password.input.value ? 'Hai lần nhập mật khẩu mới không khớp nhau.' : 'Hãy nhập mật khẩu mới.';
      const f = password.input.value ? passwordConfirm : password;
      setInvalid(f.input, f.err, m);
      const box = errorSummary([{ href: '#' + f.input.id, text: m }]);
      fill(summary, box);
      box.focus();
      return;
    }
    const ok = await submitting(submit, summary, { password, passwordConfirm }, () => request('POST', COLLECTION + 'confirm-password-reset',
      { token: t, password: password.input.value, passwordConfirm: passwordConfirm.input.value }, { noExpire: true }));
    if (ok) {
      // Every session of the account has ended: sign in again.
      auth.clear();
      setFlash('Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu mới.', 'success');
      navigate(BASE + 'dang-nhap', { replace: true, force: true });
    }
  }
}

/**
 * renderVerify confirms the account's address with the mailed token.
 * @param {HTMLElement} el
 */
export async function renderVerify(el) {
  const t = token();
  if (!t) return badLink(el, 'Xác nhận địa chỉ thư điện tử');
  page(el, 'Xác nhận địa chỉ thư điện tử', h('p', { class: 'muted' }, 'Đang xác nhận…'));
  const summary = h('div');
  const ok = await submitting(null, summary, {}, () => request('POST', COLLECTION + 'confirm-verification', { token: t }, { noExpire: true }));
  page(el, 'Xác nhận địa chỉ thư điện tử',
    ok ? h('div', { class: 'notice notice-success', role: 'status' }, 'Đã xác nhận địa chỉ thư điện tử của tài khoản.') : summary,
    h('p', {}, h('a', { href: BASE }, auth.valid ? 'Về trang tổng quan' : 'Đăng nhập')));
}

/**
 * renderEmailChange confirms a new address with the mailed token and the
 * account's password.
 * @param {HTMLElement} el
 */
export function renderEmailChange(el) {
  const t = token();
  if (!t) return badLink(el, 'Xác nhận địa chỉ thư điện tử mới');
  const summary = h('div');
  const password = field('password', 'Mật khẩu của tài khoản', { type: 'password', autocomplete: 'current-password' });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Xác nhận địa chỉ mới');
  page(el, 'Xác nhận địa chỉ thư điện tử mới',
    h('p', { class: 'lead' }, 'Nhập mật khẩu của tài khoản để dùng địa chỉ này từ nay.'),
    summary,
    h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit }, password.el, submit));
  password.input.focus();

  /** @param {SubmitEvent} e */
  async function onSubmit(e) {
    e.preventDefault();
    summary.replaceChildren();
    const ok = await submitting(submit, summary, { password }, () => request('POST', COLLECTION + 'confirm-email-change',
      { token: t, password: password.input.value }, { noExpire: true }));
    if (ok) {
      auth.clear();
      setFlash('Đã đổi địa chỉ thư điện tử. Hãy đăng nhập bằng địa chỉ mới.', 'success');
      navigate(BASE + 'dang-nhap', { replace: true, force: true });
    }
  }
}
