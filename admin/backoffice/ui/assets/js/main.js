// The back office: boot, the client-side routes under /quan-tri/, the menu
// and the account bar, and the guard against leaving unsaved changes.

import { auth, keepFresh, logout, onExpired, refresh } from './api.js';
import { h, fill, announce } from './util.js';
import { collections, byPath, loadMeta } from './schema.js';
import { canSee, roleLabel, can } from './roles.js';
import { confirmDialog } from './dialog.js';
import { renderLogin } from './views/login.js';
import { renderDashboard } from './views/dashboard.js';
import { renderList } from './views/list.js';
import { renderForm } from './views/form.js';
import { renderHistory } from './views/history.js';
import { renderAudit } from './views/audit.js';
import { renderAccountPage } from './views/account.js';
import { renderNominationList, renderNomination } from './views/nominations.js';
import { renderReports, renderReport } from './views/reports.js';
import { renderEligibility } from './views/eligibility.js';
import { renderExports } from './views/exports.js';
import { renderSettings } from './views/settings.js';
import { renderFeedbackList, renderFeedback, renderFeedbackStats } from './views/feedback.js';
import { PATHS } from './process.js';

export const BASE = '/quan-tri/';
const main = document.getElementById('noi-dung');
const menu = document.getElementById('menu');
const account = document.getElementById('account');

let cleanup = null;
let dirtyCheck = null;
let firstRender = true;
let generation = 0;
let flash = null;

// setDirtyCheck registers the current page's test for unsaved changes.
export function setDirtyCheck(f) { dirtyCheck = f; }

// setFlash keeps a message to show on the next page (after a redirect).
export function setFlash(text, kind = 'success') { flash = { text, kind }; }

export function takeFlash() {
  const f = flash;
  flash = null;
  return f;
}

export function setTitle(text) {
  document.title = `${text} – Quản trị Cổng cải cách hành chính xã Đại Sơn`;
}

// navigate goes to a back office address, asking first if the page has
// unsaved changes.
export async function navigate(url, { replace = false, force = false } = {}) {
  if (!force && dirtyCheck && dirtyCheck()) {
    const ok = await confirmDialog({
      title: 'Rời trang khi chưa lưu?',
      text: 'Bạn có thay đổi chưa lưu trên trang này. Nếu rời trang, các thay đổi đó sẽ mất.',
      confirm: 'Rời trang, bỏ thay đổi',
      cancel: 'Ở lại trang',
      danger: true,
    });
    if (!ok) return;
  }
  dirtyCheck = null;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  await render();
}

window.addEventListener('popstate', () => {
  dirtyCheck = null;
  render();
});

window.addEventListener('beforeunload', (e) => {
  if (dirtyCheck && dirtyCheck()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

// Links inside the back office change the page without reloading it.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

function renderAccountBar() {
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
        if (dirtyCheck && dirtyCheck()) {
          const ok = await confirmDialog({
            title: 'Đăng xuất khi chưa lưu?', text: 'Bạn có thay đổi chưa lưu. Nếu đăng xuất, các thay đổi đó sẽ mất.',
            confirm: 'Đăng xuất', cancel: 'Ở lại trang', danger: true,
          });
          if (!ok) return;
        }
        dirtyCheck = null;
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
  const item = (href, text) => h('li', {}, link(href, text, href === BASE ? current === BASE : current.startsWith(href)));
  const coll = (name) => (canSee(name) ? item(BASE + collections[name].path + '/', collections[name].title) : null);
  const page = (ok, path, text) => (ok ? item(BASE + path + '/', text) : null);
  const groups = [
    ['Nội dung trang công khai', ['articles', 'guides', 'initiatives', 'units', 'indicators'].map(coll)],
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

function link(href, text, current) {
  return h('a', { href, 'aria-current': current ? 'page' : null }, text);
}

// render draws the page of the current address.
export async function render() {
  if (cleanup) {
    try { cleanup(); } catch { /* ignore */ }
    cleanup = null;
  }
  dirtyCheck = null;
  const gen = ++generation;
  const rel = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '';
  const seg = rel.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(location.search);

  if (seg[0] !== 'dang-nhap' && !auth.valid) {
    auth.clear();
    const back = location.pathname + location.search;
    history.replaceState(null, '', BASE + 'dang-nhap' + (back !== BASE ? '?tiep=' + encodeURIComponent(back) : ''));
    return render();
  }
  renderAccountBar();

  const view = route(seg);
  // Each page draws into its own box, so a page still loading when another
  // is opened cannot draw over it.
  const page = h('div', { class: 'page' });
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'true');
  try {
    cleanup = (await view(page, { seg, query })) || null;
  } catch (err) {
    console.error(err);
    fill(page, h('h1', { tabindex: '-1' }, 'Đã có lỗi'),
      h('div', { class: 'notice notice-error', role: 'alert' }, err && err.message ? err.message : 'Không tải được trang. Vui lòng thử lại.'),
      h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
  }
  if (gen !== generation) return; // another page was opened meanwhile
  main.removeAttribute('aria-busy');
  if (!firstRender) {
    const h1 = main.querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    } else {
      main.focus();
    }
    announce(document.title);
  }
  firstRender = false;
}

function route(seg) {
  if (seg.length === 0) return renderDashboard;
  if (seg[0] === 'dang-nhap') return renderLogin;
  if (seg[0] === 'tai-khoan') return renderAccountPage;
  if (seg[0] === 'nhat-ky') return renderAudit;
  const idOf = (x) => (x === 'moi' ? '' : x);
  switch (seg[0]) {
    case PATHS.nominations:
      if (seg.length === 1) return renderNominationList;
      if (seg.length === 2) return (el, ctx) => renderNomination(el, { ...ctx, id: idOf(seg[1]) });
      return notFound;
    case PATHS.reports:
      if (seg.length === 1) return renderReports;
      if (seg.length === 2) return (el, ctx) => renderReport(el, { ...ctx, id: idOf(seg[1]) });
      return notFound;
    case PATHS.feedback:
      if (seg.length === 1) return renderFeedbackList;
      if (seg.length === 2 && seg[1] === 'thong-ke') return renderFeedbackStats;
      if (seg.length === 2) return (el, ctx) => renderFeedback(el, { ...ctx, id: seg[1] });
      return notFound;
    case PATHS.eligibility:
      return seg.length === 1 ? renderEligibility : notFound;
    case PATHS.exports:
      return seg.length === 1 ? renderExports : notFound;
    case PATHS.settings:
      return seg.length === 1 ? renderSettings : notFound;
    default:
  }
  const coll = byPath(seg[0]);
  if (!coll) return notFound;
  if (seg.length === 1) return (el, ctx) => renderList(el, { ...ctx, collection: coll });
  if (seg.length === 2) return (el, ctx) => renderForm(el, { ...ctx, collection: coll, id: seg[1] === 'moi' ? '' : seg[1] });
  if (seg.length === 3 && seg[2] === 'lich-su') return (el, ctx) => renderHistory(el, { ...ctx, collection: coll, id: seg[1] });
  return notFound;
}

function notFound(el) {
  setTitle('Không tìm thấy trang');
  fill(el, h('h1', {}, 'Không tìm thấy trang'),
    h('p', {}, 'Địa chỉ này không có trong trang quản trị.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

async function boot() {
  auth.load();
  onExpired(() => {
    setFlash('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', 'info');
    // A form with unsaved changes stays; its save shows how to log in again.
    if (!(dirtyCheck && dirtyCheck())) setTimeout(render, 0);
    else renderAccountBar();
  });
  auth.onChange(() => {
    if (!auth.record && !(dirtyCheck && dirtyCheck())) render();
    else renderAccountBar();
  });
  try {
    await loadMeta();
  } catch {
    fill(main, h('h1', {}, 'Không tải được trang quản trị'),
      h('div', { class: 'notice notice-error', role: 'alert' }, 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi tải lại trang.'));
    return;
  }
  if (auth.valid) {
    // The account may have changed (role, unit) since the last visit.
    try {
      await refresh({ quiet: true });
    } catch (e) {
      if (e.status === 401 || e.status === 403 || e.status === 404) {
        auth.clear();
        setFlash('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', 'info');
      } // a network error keeps the session
    }
  }
  keepFresh();
  await render();
}

boot();
