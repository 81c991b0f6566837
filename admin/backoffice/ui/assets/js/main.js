// @ts-check
// The back office's entry point: boot, the client-side routes under
// /quan-tri/, and the guard against leaving unsaved changes (menu.js draws
// the menu and the account bar). Nothing imports this module; views use nav.js.

/**
 * @import { Cleanup, View } from './ui-types.js'
 */

import { auth, onExpired, asApiError } from './api.js';
import { keepFresh, refresh } from './session.js';
import { h, fill, announce, $ } from './util.js';
import { byPath, loadMeta, meta } from './schema.js';
import { renderAccountBar } from './menu.js';
import { BASE, isDirty, navigate, setDirtyCheck, setFlash, setRenderer, setTitle, showIdentity } from './nav.js';
import { renderLogin } from './views/login.js';
import { PUBLIC, renderForgot, renderReset, renderVerify, renderEmailChange } from './views/recover.js';
import { renderDashboard } from './views/dashboard.js';
import { renderList } from './views/list.js';
import { renderForm } from './views/form.js';
import { renderHistory } from './views/history.js';
import { renderAudit } from './views/audit.js';
import { renderAccountPage } from './views/account.js';
import { renderNominationList } from './views/nominations/list.js';
import { renderNomination } from './views/nominations/dossier.js';
import { renderReports } from './views/reports.js';
import { renderReport } from './views/report.js';
import { renderEligibility } from './views/eligibility.js';
import { renderExports } from './views/exports.js';
import { renderSettings } from './views/settings.js';
import { renderSetup } from './views/setup.js';
import { renderSynonyms } from './views/synonyms.js';
import { renderFeedbackList } from './views/feedback.js';
import { renderFeedback } from './views/feedback-item.js';
import { renderFeedbackStats } from './views/feedback-stats.js';
import { PATHS } from './process.js';

const main = $(document, '#noi-dung');

/** @type {Cleanup | null} */
let cleanup = null;
let firstRender = true;
let generation = 0;

window.addEventListener('popstate', () => {
  setDirtyCheck(null);
  render();
});

window.addEventListener('beforeunload', (e) => {
  if (isDirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

// Links inside the back office change the page without reloading it.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = /** @type {HTMLAnchorElement | null} */ (/** @type {Element} */ (e.target).closest('a[href]'));
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

// render draws the page of the current address.
async function render() {
  if (cleanup) {
    try { cleanup(); } catch { /* ignore */ }
    cleanup = null;
  }
  setDirtyCheck(null);
  const gen = ++generation;
  const rel = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '';
  const seg = rel.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(location.search);

  if (seg[0] !== 'dang-nhap' && !Object.values(PUBLIC).includes(seg[0]) && !auth.valid) {
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
      h('div', { class: 'notice notice-error', role: 'alert' }, err instanceof Error && err.message ? err.message : 'Không tải được trang. Vui lòng thử lại.'),
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

/**
 * route names the view that draws the page at the address's segments.
 * @param {string[]} seg
 * @returns {View}
 */
function route(seg) {
  if (seg.length === 0) return renderDashboard;
  if (seg[0] === 'dang-nhap') return renderLogin;
  if (seg[0] === PUBLIC.forgot) return renderForgot;
  if (seg[0] === PUBLIC.reset) return renderReset;
  if (seg[0] === PUBLIC.verify) return renderVerify;
  if (seg[0] === PUBLIC.emailChange) return renderEmailChange;
  if (seg[0] === 'tai-khoan') return renderAccountPage;
  if (seg[0] === 'nhat-ky') return renderAudit;
  const idOf = (/** @type {string} */ x) => (x === 'moi' ? '' : x);
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
    case PATHS.setup:
      return seg.length === 1 ? renderSetup : notFound;
    case PATHS.synonyms:
      return seg.length === 1 ? renderSynonyms : notFound;
    default:
  }
  const coll = byPath(seg[0]);
  if (!coll) return notFound;
  if (seg.length === 1) return (el, ctx) => renderList(el, { ...ctx, collection: coll });
  if (seg.length === 2) return (el, ctx) => renderForm(el, { ...ctx, collection: coll, id: seg[1] === 'moi' ? '' : seg[1] });
  if (seg.length === 3 && seg[2] === 'lich-su') return (el, ctx) => renderHistory(el, { ...ctx, collection: coll, id: seg[1] });
  return notFound;
}

/** @param {HTMLElement} el */
function notFound(el) {
  setTitle('Không tìm thấy trang');
  fill(el, h('h1', {}, 'Không tìm thấy trang'),
    h('p', {}, 'Địa chỉ này không có trong trang quản trị.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

async function boot() {
  setRenderer(render);
  auth.load();
  onExpired(() => {
    setFlash('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', 'info');
    // A form with unsaved changes stays; its save shows how to log in again.
    if (!isDirty()) setTimeout(render, 0);
    else renderAccountBar();
  });
  auth.onChange(() => {
    if (!auth.record && !isDirty()) render();
    else renderAccountBar();
  });
  try {
    await loadMeta();
    showIdentity(meta.commune);
  } catch {
    fill(main, h('h1', {}, 'Không tải được trang quản trị'),
      h('div', { class: 'notice notice-error', role: 'alert' }, 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi tải lại trang.'));
    return;
  }
  if (auth.valid) {
    // The account may have changed (role, unit) since the last visit.
    try {
      await refresh({ quiet: true });
    } catch (ex) {
      const e = asApiError(ex);
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
