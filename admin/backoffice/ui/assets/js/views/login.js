// @ts-check
// The login page: email and password of a staff account, then, for an
// account with two-step sign-in (required for reviewers), the code the
// server mails. The API limits attempts; its refusals (429) are shown as
// they come, in Vietnamese.

/**
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 * @import { Mfa } from '../session.js'
 */

import { auth, asApiError } from '../api.js';
import { login, loginWithCode, requestCode } from '../session.js';
import { h, fill } from '../util.js';
import { BASE, navigate, setTitle, takeFlash } from '../nav.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { PUBLIC } from './recover.js';

/**
 * renderLogin shows the login page; ?tiep= names the page to go to after.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export function renderLogin(el, { query }) {
  setTitle('Đăng nhập');
  if (auth.valid) {
    navigate(BASE, { replace: true });
    return;
  }
  const flash = takeFlash();
  const summary = h('div');
  const box = h('div');

  fill(el, h('div', { class: 'login' },
    h('h1', {}, 'Đăng nhập trang quản trị'),
    h('p', { class: 'lead' }, 'Dành cho cán bộ Trung tâm Dịch vụ sự nghiệp công, Phòng Văn hóa – Xã hội và cán bộ đầu mối các đơn vị.'),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    summary,
    box,
    h('p', {}, h('a', { href: BASE + PUBLIC.forgot }, 'Quên mật khẩu?')),
    h('p', { class: 'muted' }, 'Chưa có tài khoản? Liên hệ bộ phận công nghệ thông tin của xã.')));
  passwordStep();

  function done() {
    const next = query.get('tiep');
    navigate(next && next.startsWith(BASE) && !next.startsWith(BASE + 'dang-nhap') ? next : BASE, { replace: true, force: true });
  }

  /**
   * showError says why signing in failed, linking to the field to retype.
   * @param {ApiError} err
   * @param {string} focusHref
   */
  function showError(err, focusHref, title = 'Không đăng nhập được') {
    const locked = err.status === 429;
    const shown = errorSummary([{ href: locked ? '' : focusHref, text: err.message || 'Không đăng nhập được.' }], locked ? 'Tạm khóa đăng nhập' : title);
    fill(summary, shown);
    shown.focus();
  }

  // The first step: email and password.
  function passwordStep(email = '') {
    const emailIn = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', spellcheck: 'false', value: email, 'aria-describedby': 'email-error' });
    const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', 'aria-describedby': 'password-error' });
    const emailErr = h('p', { id: 'email-error', class: 'field-error', hidden: true });
    const pwErr = h('p', { id: 'password-error', class: 'field-error', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn' }, 'Đăng nhập');
    const show = h('input', { type: 'checkbox', id: 'show-password', onchange: (e) => { password.type = e.currentTarget.checked ? 'text' : 'password'; } });
    fill(box, h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit },
      h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), emailErr, emailIn),
      h('div', { class: 'field' }, h('label', { for: 'password' }, 'Mật khẩu'), pwErr, password),
      h('div', { class: 'field field-check' }, show, h('label', { for: 'show-password' }, 'Hiện mật khẩu')),
      submit));
    if (email) password.focus();

    /** @param {SubmitEvent} e */
    async function onSubmit(e) {
      e.preventDefault();
      /** @type {{ id: string, input: HTMLInputElement, box: HTMLElement, message: string }[]} */
      const errors = [];
      setInvalid(emailIn, emailErr, '');
      setInvalid(password, pwErr, '');
      if (!emailIn.value.trim()) errors.push({ id: 'email', input: emailIn, box: emailErr, message: 'Hãy nhập email của bạn.' });
      if (!password.value) errors.push({ id: 'password', input: password, box: pwErr, message: 'Hãy nhập mật khẩu.' });
      if (errors.length) {
        for (const x of errors) setInvalid(x.input, x.box, x.message);
        const shown = errorSummary(errors.map((x) => ({ href: '#' + x.id, text: x.message })));
        fill(summary, shown);
        shown.focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Đang đăng nhập…';
      try {
        const res = await login(emailIn.value.trim(), password.value);
        if (res.mfa) {
          summary.replaceChildren();
          codeStep(res.mfa);
          return;
        }
        done();
      } catch (ex) {
        const err = asApiError(ex);
        submit.disabled = false;
        submit.textContent = 'Đăng nhập';
        showError(err, '#password');
        if (err.status === 400) {
          // PocketBase does not say which one is wrong, on purpose.
          password.setAttribute('aria-invalid', 'true');
        }
        password.value = '';
      }
    }
  }

  /**
   * codeStep is the second step: the code mailed to the account's address.
   * @param {Mfa} mfa
   */
  function codeStep(mfa) {
    const sent = h('div', { class: 'notice notice-info', role: 'status' },
      `Tài khoản của bạn dùng đăng nhập hai bước. Mã xác thực gồm 8 chữ số vừa được gửi tới ${mfa.email}; mã có hiệu lực trong 5 phút.`);
    const code = h('input', {
      id: 'ma-xac-thuc', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
      spellcheck: 'false', 'aria-describedby': 'ma-xac-thuc-hint ma-xac-thuc-error',
    });
    const codeErr = h('p', { id: 'ma-xac-thuc-error', class: 'field-error', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn' }, 'Xác nhận');
    const resend = h('button', { type: 'button', class: 'btn btn-secondary', onclick: onResend }, 'Gửi lại mã');
    const restart = h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { summary.replaceChildren(); passwordStep(mfa.email); } }, 'Đăng nhập lại từ đầu');
    fill(box, sent, h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit },
      h('div', { class: 'field' },
        h('label', { for: 'ma-xac-thuc' }, 'Mã xác thực'),
        h('p', { class: 'hint', id: 'ma-xac-thuc-hint' }, 'Xem thư trong hộp thư của bạn (cả mục thư rác). Chưa nhận được thì bấm “Gửi lại mã”.'),
        codeErr, code),
      h('div', { class: 'actions' }, submit, resend, restart)));
    code.focus();

    /** @param {SubmitEvent} e */
    async function onSubmit(e) {
      e.preventDefault();
      setInvalid(code, codeErr, '');
      const value = code.value.replace(/\s+/g, '');
      if (!/^\d+$/.test(value)) {
        const msg = 'Hãy nhập mã gồm các chữ số trong thư.';
        setInvalid(code, codeErr, msg);
        const shown = errorSummary([{ href: '#ma-xac-thuc', text: msg }]);
        fill(summary, shown);
        shown.focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Đang kiểm tra…';
      try {
        await loginWithCode(mfa, value);
        done();
      } catch (ex) {
        const err = asApiError(ex);
        submit.disabled = false;
        submit.textContent = 'Xác nhận';
        if (err.status === 400) setInvalid(code, codeErr, err.message);
        code.value = '';
        showError(err, '#ma-xac-thuc', 'Chưa đăng nhập được');
      }
    }

    async function onResend() {
      resend.disabled = true;
      try {
        mfa.otpId = await requestCode(mfa.email);
        fill(sent, `Đã gửi mã mới tới ${mfa.email}. Hãy dùng mã trong thư mới nhất.`);
        summary.replaceChildren();
        code.value = '';
        code.focus();
      } catch (err) {
        showError(asApiError(err), '#ma-xac-thuc', 'Chưa gửi được mã');
      } finally {
        resend.disabled = false;
      }
    }
  }
}
