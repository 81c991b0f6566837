// @ts-check
// One dossier: the editor when the person may still write it, otherwise
// the dossier read only, with what a reviewer may do with it.

/**
 * @import { Nomination } from '../../types.js'
 * @import { Child } from '../../dom.js'
 */

import { view, auth, request, asApiError } from '../../api.js';
import { h, fill, formatDate, displayFileName } from '../../util.js';
import { label } from '../../schema.js';
import { can, isReviewer, isReporter } from '../../roles.js';
import { downloadButton } from '../../forms/documents.js';
import { BASE, setTitle, setDirtyCheck, setFlash, navigate, takeFlash, flashNotice } from '../../nav.js';
import { loadConfig, nomineeName, nomineeKind, crumbs } from '../../process.js';
import { renderEditor } from './editor.js';
import { actionPanel } from './review.js';
import { TITLE, EXPAND, listURL, noAccess, statePanel, returnedNotice, timeline, deleteTool } from './common.js';
import { lateBlock } from '../late.js';

/**
 * renderNomination shows a dossier (id), or a new one's form (no id).
 * @param {HTMLElement} el
 * @param {{ id: string }} ctx  the dossier's id, empty for a new one
 * @returns {Promise<void>}
 */
export async function renderNomination(el, { id }) {
  if (!can.nominations()) return noAccess(el);
  /** @type {Nomination | null} */
  let record = null;
  if (id) {
    try {
      record = await view('nominations', id, { expand: EXPAND });
    } catch (ex) {
      const e = asApiError(ex);
      if (e.status !== 404 && e.status !== 403) throw ex;
      setTitle('Không tìm thấy hồ sơ');
      fill(el, crumbs(BASE, { href: listURL(), text: TITLE }, { text: 'Không tìm thấy' }),
        h('h1', {}, 'Không tìm thấy hồ sơ'),
        h('p', {}, 'Hồ sơ này không tồn tại, đã bị xóa, hoặc bạn không có quyền xem.'),
        h('p', {}, h('a', { href: listURL() }, 'Về danh sách hồ sơ đề nghị')));
      return;
    }
  } else if (!can.file()) {
    return noAccess(el);
  }
  const config = await loadConfig();
  const st = record ? record.state : 'new';
  const own = isReporter() && record && record.unit === auth.unit;
  // A unit's draft is the unit's to write: a reviewer edits only the
  // drafts they started (after the deadline, only reviewers file).
  const editable = !record || (st === 'draft' && (own || (isReviewer() && startedByMe(record)))) || (st === 'returned' && own);
  return editable || !record ? renderEditor(el, record, config) : renderDossier(el, record);
}

/**
 * startedByMe tells whether the dossier's first step was this person's
 * (the history names people as "Name (email, role)").
 * @param {Nomination} r
 */
function startedByMe(r) {
  const first = Array.isArray(r.history) ? r.history[0] : null;
  return !!first && String(first.actor || '').includes(`(${auth.email},`);
}

/**
 * dossierList: the dossier's files, each downloaded with a file token (the
 * files are protected: PocketBase gives them to those who may read the
 * dossier).
 * @param {Nomination} r
 */
function dossierList(r) {
  const names = Array.isArray(r.dossier) ? r.dossier : [];
  if (!names.length) return h('p', { class: 'muted' }, 'Không có tệp kèm theo.');
  const status = h('p', { class: 'hint', role: 'status' });
  return h('div', {},
    h('ul', { class: 'doc-list' }, names.map((name) => {
      return h('li', { class: 'doc' }, h('span', { class: 'doc-name' }, displayFileName(name)),
        h('span', { class: 'doc-actions' }, downloadButton(r, name, status)));
    })),
    status);
}

/**
 * details: the dossier as it was filed, read only.
 * @param {Nomination} r
 */
function details(r) {
  const nominee = r.expand && r.expand.nominee;
  const inis = (r.expand && r.expand.initiatives) || [];
  /** @type {[string, Child][]} */
  const rows = [
    ['Tập thể, cá nhân được đề nghị', nominee
      ? [nominee.name, isReviewer() ? h('span', {}, ' (', h('a', { href: `${BASE}guong-dien-hinh/${nominee.id}` }, 'hồ sơ vinh danh'), ')') : null]
      : `${r.nomineeName || '—'} (người, tập thể mới)`],
    ['Cá nhân hay tập thể', nomineeKind(r) || '—'],
  ];
  if (!nominee && r.nomineePosition) rows.push(['Chức vụ', r.nomineePosition]);
  if (nominee && nominee.position) rows.push(['Chức vụ', nominee.position]);
  rows.push(['Hình thức đề nghị', label('awardForms', r.requestedForm)]);
  rows.push(['Thành tích', h('div', { class: 'pre' }, r.achievements || '—')]);
  if (r.criteria && r.criteria.length) {
    rows.push(['Tiêu chuẩn đạt được (theo Kế hoạch)', h('ul', { class: 'plain-list criteria-list' }, r.criteria.map((c) => h('li', {}, '☑ ', label('awardCriteria', c))))]);
  }
  rows.push(['Mô hình, sáng kiến', inis.length ? h('ul', { class: 'plain-list' }, inis.map((x) => h('li', {},
    can.decide() || isReporter() ? h('a', { href: `${BASE}mo-hinh-sang-kien/${x.id}` }, x.title) : x.title))) : (r.initiatives && r.initiatives.length ? `${r.initiatives.length} mục` : '—')]);
  rows.push(['Hồ sơ kèm theo', dossierList(r)]);
  return h('section', { 'aria-labelledby': 'noi-dung-ho-so' },
    h('h2', { id: 'noi-dung-ho-so' }, 'Nội dung hồ sơ'),
    h('dl', { class: 'readonly' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));
}

/**
 * decisionPanel shows the council's decision and, for reviewers, the way
 * to the award it made.
 * @param {Nomination} r
 */
function decisionPanel(r) {
  if (r.state !== 'approved' && r.state !== 'rejected') return null;
  if (r.state === 'rejected') {
    return h('div', { class: 'notice notice-info decision' },
      h('p', { class: 'notice-title' }, 'Hội đồng Thi đua – Khen thưởng đã xét và không khen thưởng hồ sơ này.'));
  }
  const awards = (r.expand && r.expand.awards) || [];
  const form = label('awardForms', r.decidedForm || r.requestedForm);
  const items = [];
  if (isReviewer()) {
    // The award and its honoree: the button below publishes both.
    for (const a of awards) {
      const ho = a.expand && a.expand.honoree;
      if (ho && ho.status !== 'published') {
        items.push(h('li', {},
          h('a', { href: `${BASE}guong-dien-hinh/${ho.id}` }, `Hồ sơ vinh danh của ${ho.name}`),
          ` (${label('status', ho.status).toLowerCase()})`));
      }
      items.push(h('li', {},
        h('a', { href: `${BASE}khen-thuong/${a.id}`, class: 'award-link' }, `Khen thưởng ${a.decisionNo || ''}`.trim()),
        ` (${label('status', a.status).toLowerCase()})`));
    }
    if (!awards.length && r.awards && r.awards.length) {
      for (const aid of r.awards) items.push(h('li', {}, h('a', { href: `${BASE}khen-thuong/${aid}`, class: 'award-link' }, 'Mở khen thưởng')));
    }
  }
  const pending = awards.some((a) => a.status !== 'published' || (a.expand && a.expand.honoree && a.expand.honoree.status !== 'published'));
  return h('div', { class: 'notice notice-success decision' },
    h('p', { class: 'notice-title' }, 'Hội đồng đã quyết định khen thưởng'),
    h('p', {}, `Quyết định số ${r.decisionNo || '—'}`, r.decisionDate ? ` ngày ${formatDate(r.decisionDate)}` : '',
      r.signer ? `, người ký: ${r.signer}` : '', `. Hình thức: ${form}.`),
    items.length ? h('ul', {}, items)
      : h('p', {}, isReviewer() ? '' : 'Khen thưởng sẽ có trên trang vinh danh khi Phòng Văn hóa – Xã hội xuất bản.'),
    isReviewer() && pending ? publishAwardButton(r) : null);
}

/**
 * publishAwardButton publishes, in one step, the awards a decided dossier
 * made and their honourees (admin/awards/publish.go); a refusal is said
 * beside it.
 * @param {Nomination} r
 */
function publishAwardButton(r) {
  const status = h('p', { class: 'hint publish-award-status', role: 'status' });
  const button = h('button', {
    type: 'button', class: 'btn publish-award',
    onclick: async () => {
      button.disabled = true;
      status.textContent = 'Đang công bố…';
      try {
        const res = /** @type {{ message: string }} */ (await request('POST', `/api/portal/nominations/${r.id}/publish`));
        setFlash(res.message);
        navigate(`${listURL()}${r.id}`, { replace: true, force: true });
      } catch (ex) {
        status.textContent = asApiError(ex).message;
        button.disabled = false;
      }
    },
  }, 'Công bố lên trang vinh danh');
  return h('div', { class: 'actions' }, button, status);
}

// ---------------------------------------------------------------- read only + reviewer's actions

/**
 * renderDossier shows a dossier read only, with a reviewer's actions.
 * @param {HTMLElement} el
 * @param {Nomination} r
 */
function renderDossier(el, r) {
  const name = nomineeName(r);
  setTitle(`Hồ sơ đề nghị: ${name}`);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const actions = isReviewer() ? actionPanel(r, summary) : null;
  const own = isReporter() && r.unit === auth.unit;
  fill(el,
    crumbs(BASE, { href: listURL(), text: TITLE }, { text: name }),
    h('h1', {}, 'Hồ sơ đề nghị khen thưởng', h('span', { class: 'h1-sub' }, name)),
    flashNotice(flash),
    statePanel(r),
    lateBlock('nominations', r, () => renderNomination(el, { id: r.id })),
    returnedNotice(r),
    decisionPanel(r),
    own && r.state === 'submitted' ? h('p', { class: 'notice notice-info' }, 'Hồ sơ đã nộp, đang chờ Phòng Văn hóa – Xã hội xem xét. Khi cần bổ sung, hồ sơ sẽ được trả lại kèm ý kiến.') : null,
    own && r.state === 'forwarded' ? h('p', { class: 'notice notice-info' }, 'Hồ sơ đã được trình Hội đồng Thi đua – Khen thưởng.') : null,
    summary,
    actions ? actions.el : null,
    details(r),
    timeline(r),
    isReviewer() ? deleteTool(r, summary, {
      title: 'Xóa hồ sơ đề nghị?',
      text: `Hồ sơ đề nghị khen thưởng cho “${nomineeName(r)}” và các tệp kèm theo sẽ bị xóa hẳn. Khen thưởng đã tạo từ hồ sơ (nếu có) vẫn giữ nguyên.`,
      confirm: 'Xóa hồ sơ', flash: `Đã xóa hồ sơ đề nghị cho “${nomineeName(r)}”.`,
    }) : null);
  if (actions && el.isConnected) setDirtyCheck(actions.dirty);
}
