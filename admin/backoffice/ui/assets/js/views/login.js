// The login page: email and password of a staff account. The API limits
// attempts; its refusal (429) is shown as it comes, in Vietnamese.

import { login, auth } from '../api.js';
import { h, fill } from '../util.js';
import { BASE, navigate, setTitle, takeFlash } from '../main.js';
import { errorSummary, setInvalid } from '../forms.js';

export function renderLogin(el, { query }) {
  setTitle('Đăng nhập');
  if (auth.valid) {
    navigate(BASE, { replace: true });
    return;
  }
  const flash = takeFlash();
  const summary = h('div');
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', spellcheck: 'false', 'aria-describedby': 'email-error' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', 'aria-describedby': 'password-error' });
  const emailErr = h('p', { id: 'email-error', class: 'field-error', hidden: true });
  const pwErr = h('p', { id: 'password-error', class: 'field-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Đăng nhập');
  const show = h('input', { type: 'checkbox', id: 'show-password', onchange: (e) => { password.type = e.target.checked ? 'text' : 'password'; } });

  const form = h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit },
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), emailErr, email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Mật khẩu'), pwErr, password),
    h('div', { class: 'field field-check' }, show, h('label', { for: 'show-password' }, 'Hiện mật khẩu')),
    submit);

  fill(el, h('div', { class: 'login' },
    h('h1', {}, 'Đăng nhập trang quản trị'),
    h('p', { class: 'lead' }, 'Dành cho cán bộ Trung tâm Dịch vụ sự nghiệp công, Phòng Văn hóa – Xã hội và cán bộ đầu mối các đơn vị.'),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    summary,
    form,
    h('p', { class: 'muted' }, 'Quên mật khẩu hoặc chưa có tài khoản? Liên hệ bộ phận công nghệ thông tin của xã.')));

  async function onSubmit(e) {
    e.preventDefault();
    const errors = [];
    setInvalid(email, emailErr, '');
    setInvalid(password, pwErr, '');
    if (!email.value.trim()) errors.push({ id: 'email', input: email, box: emailErr, label: 'Email', message: 'Hãy nhập email của bạn.' });
    if (!password.value) errors.push({ id: 'password', input: password, box: pwErr, label: 'Mật khẩu', message: 'Hãy nhập mật khẩu.' });
    if (errors.length) {
      for (const x of errors) setInvalid(x.input, x.box, x.message);
      fill(summary, errorSummary(errors.map((x) => ({ href: '#' + x.id, text: x.message }))));
      summary.querySelector('.error-summary').focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Đang đăng nhập…';
    try {
      await login(email.value.trim(), password.value);
      const next = query.get('tiep');
      navigate(next && next.startsWith(BASE) && !next.startsWith(BASE + 'dang-nhap') ? next : BASE, { replace: true, force: true });
    } catch (err) {
      submit.disabled = false;
      submit.textContent = 'Đăng nhập';
      const locked = err.status === 429;
      const msg = err.message || 'Không đăng nhập được.';
      fill(summary, errorSummary([{ href: locked ? '' : '#password', text: msg }], locked ? 'Tạm khóa đăng nhập' : 'Không đăng nhập được'));
      if (!locked && err.status === 400) {
        // PocketBase does not say which one is wrong, on purpose.
        password.setAttribute('aria-invalid', 'true');
      }
      summary.querySelector('.error-summary').focus();
      password.value = '';
    }
  }
}
