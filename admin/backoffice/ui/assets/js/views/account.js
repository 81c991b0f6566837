// @ts-check
// The person's own account: name, role and unit (set by IT), a new name, a
// new password, and two-step sign-in (a code mailed at each sign-in),
// which reviewers always have and others may turn on.

/**
 * @import { Problem } from '../ui-types.js'
 */

import { auth, update, view, asApiError } from '../api.js';
import { login, logout } from '../session.js';
import { h, fill } from '../util.js';
import { roleLabel } from '../roles.js';
import { BASE, navigate, setFlash, setTitle } from '../nav.js';
import { errorSummary, setInvalid } from '../forms/field.js';

/**
 * renderAccountPage shows the account of the person signed in.
 * @param {HTMLElement} el
 */
export async function renderAccountPage(el) {
  setTitle('Tài khoản của tôi');
  const r = auth.record;
  if (!r) return;
  let unitName = '';
  if (r.unit) {
    try { unitName = (await view('units', r.unit)).name; } catch { unitName = ''; }
  }
  const summary = h('div');
  const msg = h('div', { role: 'status' });
  /**
   * mk makes a labelled input with its error line.
   * @param {string} id
   * @param {string} labelText
   * @param {string} type
   * @param {string} autocomplete
   */
  const mk = (id, labelText, type, autocomplete, value = '', hint = '') => {
    const input = h('input', { id, name: id, type, autocomplete, value, 'aria-describedby': `${id}-error${hint ? ` ${id}-hint` : ''}` });
    const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    return { input, err, el: h('div', { class: 'field' }, h('label', { for: id }, labelText), hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, err, input) };
  };
  const name = mk('ten', 'Họ tên', 'text', 'name', r.name || '');
  const oldPw = mk('mat-khau-cu', 'Mật khẩu hiện tại', 'password', 'current-password', '', 'Chỉ cần khi đổi mật khẩu.');
  const pw = mk('mat-khau-moi', 'Mật khẩu mới', 'password', 'new-password', '', 'Ít nhất 10 ký tự. Để trống nếu không đổi.');
  const pw2 = mk('nhap-lai', 'Nhập lại mật khẩu mới', 'password', 'new-password');
  const required = r.role === 'reviewer';
  const mfa = h('input', { type: 'checkbox', id: 'hai-buoc', name: 'mfa', checked: required || !!r.mfa, disabled: required, 'aria-describedby': 'hai-buoc-hint' });
  const mfaErr = h('p', { id: 'hai-buoc-error', class: 'field-error', hidden: true });
  const mailOn = h('input', { type: 'checkbox', id: 'thu-nhac', name: 'mailOn', checked: !r.mailOptOut, 'aria-describedby': 'thu-nhac-hint' });
  const mailErr = h('p', { id: 'thu-nhac-error', class: 'field-error', hidden: true });
  /** @type {Record<string, { input: HTMLInputElement, err: HTMLElement }>} */
  const all = { name, oldPassword: oldPw, password: pw, passwordConfirm: pw2, mfa: { input: mfa, err: mfaErr }, mailOptOut: { input: mailOn, err: mailErr } };

  fill(el,
    h('h1', {}, 'Tài khoản của tôi'),
    h('dl', { class: 'state' },
      h('div', {}, h('dt', {}, 'Email'), h('dd', {}, r.email)),
      h('div', {}, h('dt', {}, 'Vai trò'), h('dd', {}, roleLabel[r.role] || r.role)),
      unitName ? h('div', {}, h('dt', {}, 'Đơn vị'), h('dd', {}, unitName)) : null),
    h('p', { class: 'hint' }, 'Vai trò, đơn vị và email do bộ phận công nghệ thông tin của xã cấp.'),
    msg, summary,
    h('form', { novalidate: true, class: 'narrow', onsubmit: save },
      name.el,
      h('fieldset', { class: 'field' }, h('legend', {}, 'Đổi mật khẩu'), oldPw.el, pw.el, pw2.el),
      h('fieldset', { class: 'field' }, h('legend', {}, 'Đăng nhập hai bước'),
        h('p', { class: 'hint', id: 'hai-buoc-hint' }, required
          ? 'Bắt buộc với cán bộ thẩm định, vì tài khoản này xem được thông tin liên hệ của người dân: sau mật khẩu, nhập mã gửi tới email của bạn.'
          : 'Sau mật khẩu, nhập thêm mã gửi tới email của bạn. Kẻ gian biết mật khẩu cũng không đăng nhập được nếu không đọc được thư của bạn.'),
        h('div', { class: 'field field-check' }, mfa, h('label', { for: 'hai-buoc' }, 'Dùng đăng nhập hai bước'), mfaErr)),
      h('fieldset', { class: 'field' }, h('legend', {}, 'Thư nhắc việc'),
        h('p', { class: 'hint', id: 'thu-nhac-hint' }, 'Thư nhắc hạn nộp báo cáo, hồ sơ được trả lại hoặc có quyết định, hồ sơ mới chờ xem xét. Tắt thư thì thông báo vẫn hiện ở trang Tổng quan.'),
        h('div', { class: 'field field-check' }, mailOn, h('label', { for: 'thu-nhac' }, 'Nhận thư nhắc việc qua email'), mailErr)),
      h('button', { type: 'submit', class: 'btn' }, 'Lưu')));

  /** @param {SubmitEvent} e */
  async function save(e) {
    e.preventDefault();
    if (!r) return;
    summary.replaceChildren();
    msg.replaceChildren();
    Object.values(all).forEach((x) => setInvalid(x.input, x.err, ''));
    /** @type {{ name: string, mfa?: boolean, mailOptOut?: boolean, oldPassword?: string, password?: string, passwordConfirm?: string }} */
    const body = { name: name.input.value };
    if (!required) body.mfa = mfa.checked;
    body.mailOptOut = !mailOn.checked;
    if (pw.input.value !== pw2.input.value) {
      setInvalid(pw2.input, pw2.err, 'Hai lần nhập mật khẩu mới không khớp nhau.');
      const box = errorSummary([{ href: '#nhap-lai', text: 'Hai lần nhập mật khẩu mới không khớp nhau.' }], 'Chưa lưu được');
      fill(summary, box);
      box.focus();
      return;
    }
    if (pw.input.value || oldPw.input.value) {
      body.oldPassword = oldPw.input.value;
      body.password = pw.input.value;
      body.passwordConfirm = pw2.input.value;
    }
    try {
      const rec = await update('staff', r.id, body);
      if (body.password) {
        // A new password ends every session (the server gives the account
        // a new key): sign in again, here when no code is needed, else on
        // the login page.
        const twoSteps = required || rec.mfa;
        if (twoSteps || (await login(r.email, body.password)).mfa) {
          await logout();
          setFlash('Đã đổi mật khẩu. Hãy đăng nhập lại bằng mật khẩu mới.', 'success');
          navigate(BASE + 'dang-nhap', { force: true });
          return;
        }
      } else {
        auth.save(auth.token, rec);
      }
      fill(msg, h('div', { class: 'notice notice-success' }, body.password ? 'Đã lưu. Mật khẩu mới có hiệu lực từ bây giờ.' : 'Đã lưu.'));
      [oldPw, pw, pw2].forEach((x) => { x.input.value = ''; });
    } catch (ex) {
      const err = asApiError(ex);
      /** @type {Problem[]} */
      const items = [];
      for (const [k, info] of Object.entries(err.data || {})) {
        const x = all[k];
        const m = info.message || String(info);
        if (x) { setInvalid(x.input, x.err, m); items.push({ href: '#' + x.input.id, text: m }); } else items.push({ text: m });
      }
      if (!items.length) items.push({ text: err.message });
      const box = errorSummary(items, 'Chưa lưu được');
      fill(summary, box);
      box.focus();
    }
  }
}
