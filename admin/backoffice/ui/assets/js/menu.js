// @ts-check
// The account bar (who is signed in, sign out) and the menu, in groups:
// each person sees what their role may open.

import { auth } from './api.js';
import { logout } from './session.js';
import { h, fill, $ } from './util.js';
import { collections, formKinds } from './schema.js';
import { canSee, roleLabel, can } from './roles.js';
import { confirmDialog } from './dialog.js';
import { BASE, isDirty, navigate, setDirtyCheck, setFlash } from './nav.js';
import { PATHS } from './process.js';

const menu = $(document, '#menu');
const account = $(document, '#account');

// renderAccountBar draws the account bar and the menu of the person signed
// in, or hides them.
export function renderAccountBar() {
  document.body.classList.toggle('signed-in', !!auth.record);
  if (!auth.record) {
    fill(account);
    menu.hidden = true;
    return;
  }
  const r = auth.record;
  fill(account,
    h('button', {
      type: 'button', class: 'menu-toggle', 'aria-controls': 'menu', 'aria-expanded': 'false',
      onclick: (e) => {
        const open = e.currentTarget.getAttribute('aria-expanded') !== 'true';
        e.currentTarget.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
      },
    }, 'Danh mục'),
    h('p', { class: 'who' },
      h('a', { href: BASE + 'tai-khoan', class: 'who-name' }, r.name || r.email),
      h('span', { class: 'who-role' }, roleLabel[r.role] || r.role)),
    h('button', {
      type: 'button', class: 'btn btn-quiet btn-logout',
      onclick: async (e) => {
        const button = e.currentTarget;
        if (isDirty()) {
          const ok = await confirmDialog({
            title: 'Đăng xuất khi chưa lưu?', text: 'Bạn có thay đổi chưa lưu. Nếu đăng xuất, các thay đổi đó sẽ mất.',
            confirm: 'Đăng xuất', cancel: 'Ở lại trang', danger: true,
          });
          if (!ok) return;
        }
        setDirtyCheck(null);
        button.disabled = true;
        await logout();
        setFlash('Bạn đã đăng xuất.', 'info');
        navigate(BASE + 'dang-nhap', { force: true });
      },
    }, 'Đăng xuất'));
  renderMenu();
}

// The menu, in groups: the public site's content, the award process, the
// citizens' voice, and the administration. Each person sees what their
// role may open.
function renderMenu() {
  const current = location.pathname;
  /** @param {string} href @param {string} text */
  const item = (href, text) => h('li', {}, link(href, text, href === BASE ? current === BASE : current.startsWith(href)));
  /** @param {string} name */
  const coll = (name) => (canSee(name) ? item(BASE + collections[name].path + '/', collections[name].title) : null);
  /** @param {boolean} ok @param {string} path @param {string} text */
  const page = (ok, path, text) => (ok ? item(BASE + path + '/', text) : null);
  /** @type {[string, (HTMLElement | null)[]][]} */
  const groups = [
    ['Nội dung trang công khai', [...['articles', 'guides', 'initiatives', 'units', 'indicators', ...formKinds].map(coll),
      page(can.synonyms(), PATHS.synonyms, 'Từ đồng nghĩa khi tìm kiếm')]],
    ['Thi đua, khen thưởng', [
      coll('honorees'), coll('awards'),
      page(can.nominations(), PATHS.nominations, 'Hồ sơ đề nghị khen thưởng'),
      page(can.reports(), PATHS.reports, 'Báo cáo năm'),
      page(can.eligibility(), PATHS.eligibility, 'Đủ tiêu chuẩn tổng kết'),
      page(can.exports(), PATHS.exports, 'Xuất dữ liệu'),
    ]],
    ['Người dân', [page(can.feedback(), PATHS.feedback, 'Ý kiến người dân')]],
    ['Quản trị', [
      canSee('auditLog') ? item(BASE + 'nhat-ky/', 'Nhật ký hoạt động') : null,
      page(can.settings(), PATHS.setup, 'Thông tin của xã'),
      page(can.settings(), PATHS.settings, 'Cài đặt'),
    ]],
  ];
  const items = [item(BASE, 'Tổng quan')];
  groups.forEach(([title, entries], i) => {
    const shown = entries.filter(Boolean);
    if (!shown.length) return;
    const id = `menu-nhom-${i + 1}`;
    items.push(h('li', { class: 'menu-group' },
      h('span', { class: 'menu-group-title', id }, title),
      h('ul', { 'aria-labelledby': id }, shown)));
  });
  items.push(h('li', { class: 'menu-site' }, h('a', { href: '/', target: '_blank', rel: 'noopener' }, 'Xem trang công khai', h('span', { class: 'visually-hidden' }, ' (mở thẻ mới)'))));
  fill(menu, h('ul', {}, items));
  menu.hidden = false;
  menu.classList.remove('open');
  const toggle = account.querySelector('.menu-toggle');
  if (toggle) toggle.setAttribute('aria-expanded', 'false');
}

/**
 * @param {string} href
 * @param {string} text
 * @param {boolean} current  the page shown is this link's
 */
function link(href, text, current) {
  return h('a', { href, 'aria-current': current ? 'page' : null }, text);
}

