// @ts-check
// Nominations for awards (hồ sơ đề nghị khen thưởng): a unit's
// reporter files a dossier for their unit (save a draft, file it before the
// yearly deadline, refile it when returned); a reviewer returns it with a
// comment, forwards it to the council and records the council's decision,
// which makes the award (a draft, published on the honour roll by a
// reviewer). Every state change and comment is kept in the dossier's
// history, shown as a timeline. The server decides who may do what
// (admin/awards/nominations.go); this page offers what the role allows.
//
// This folder: list.js (the list, its filters and export), dossier.js (a
// dossier read only, with a reviewer's actions from review.js), editor.js
// (the form of a unit's draft or returned dossier); common.js what they
// share.

/**
 * @import { Nomination } from '../../types.js'
 */

import { remove, auth, asApiError } from '../../api.js';
import { h, fill, formatDateTime } from '../../util.js';
import { label } from '../../schema.js';
import { isReporter } from '../../roles.js';
import { BASE, navigate, setTitle, setFlash } from '../../nav.js';
import { confirmDialog } from '../../dialog.js';
import { shortActor } from '../../components/actor.js';
import { showSummary } from '../../editor.js';
import { PATHS, nominationBadge } from '../../process.js';

export const PATH = PATHS.nominations;
export const TITLE = 'Hồ sơ đề nghị khen thưởng';
export const EXPAND = 'nominee,unit,initiatives,awards,awards.honoree';

export const listURL = () => BASE + PATH + '/';

/**
 * noAccess says who works with nominations, to one who may not.
 * @param {HTMLElement} el
 */
export function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE),
    h('p', {}, isReporter() && !auth.unit
      ? 'Tài khoản của bạn chưa được gắn với đơn vị nào, nên chưa xem được hồ sơ của đơn vị. Hãy liên hệ bộ phận quản trị (IT) để được gắn đúng đơn vị.'
      : 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội và cán bộ đầu mối của các đơn vị làm việc với hồ sơ đề nghị khen thưởng.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

/**
 * statePanel is a dossier's summary at the top of its page.
 * @param {Nomination} r
 */
export function statePanel(r) {
  /** @type {[string, string | Node][]} */
  const rows = [
    ['Trạng thái', nominationBadge(r.state)],
    ['Đơn vị đề nghị', r.expand && r.expand.unit ? r.expand.unit.name : '—'],
    ['Năm', String(r.year)],
    ['Loại khen thưởng', label('awardKinds', r.kind)],
  ];
  if (r.submittedAt) rows.push(['Ngày nộp', formatDateTime(r.submittedAt)]);
  rows.push(['Cập nhật lần cuối', formatDateTime(r.updated)]);
  return h('dl', { class: 'state' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

/**
 * lastReturn is the last "returned" entry of the history, with its comment.
 * @param {Nomination} r
 */
function lastReturn(r) {
  const hist = Array.isArray(r.history) ? r.history : [];
  for (let i = hist.length - 1; i >= 0; i--) if (hist[i].to === 'returned' && hist[i].from !== 'returned') return hist[i];
  return null;
}

/**
 * returnedNotice shows why a returned dossier came back, with what to do.
 * @param {Nomination} r
 */
export function returnedNotice(r) {
  const ret = lastReturn(r);
  if (r.state !== 'returned' || !ret) return null;
  return h('div', { class: 'notice notice-warning returned-notice', role: 'note' },
    h('p', { class: 'notice-title' }, 'Phòng Văn hóa – Xã hội trả lại hồ sơ để bổ sung'),
    h('p', { class: 'pre' }, ret.comment || 'Không ghi ý kiến.'),
    h('p', { class: 'hint' }, `${shortActor(ret.actor || '')}, ${formatDateTime(ret.at)}.`,
      isReporter() ? ' Hãy bổ sung theo ý kiến trên, rồi bấm “Nộp lại hồ sơ”.' : ' Đang chờ đơn vị bổ sung và nộp lại.'));
}

/**
 * timeline is the dossier's history, oldest first.
 * @param {Nomination} r
 */
export function timeline(r) {
  const hist = Array.isArray(r.history) ? r.history : [];
  return h('section', { class: 'timeline-section', 'aria-labelledby': 'qua-trinh' },
    h('h2', { id: 'qua-trinh' }, 'Quá trình xử lý'),
    hist.length === 0 ? h('p', { class: 'muted' }, 'Chưa có bước xử lý nào.')
      : h('ol', { class: 'timeline' }, hist.map((x) => {
        const what = !x.from
          ? `Lập hồ sơ: ${label('nominationStates', x.to)}`
          : x.from === x.to ? 'Ghi ý kiến' : `${label('nominationStates', x.from)} → ${label('nominationStates', x.to)}`;
        return h('li', { class: `timeline-item timeline-${x.to}` },
          h('p', { class: 'timeline-head' },
            h('time', { datetime: String(x.at || '').replace(' ', 'T') }, formatDateTime(x.at)),
            ' · ', h('span', { class: 'timeline-actor' }, shortActor(x.actor || 'Hệ thống'))),
          h('p', { class: 'timeline-what' }, what),
          x.comment ? h('blockquote', { class: 'timeline-comment pre' }, x.comment) : null);
      })));
}

/**
 * deleteTool is the button that deletes the dossier r after asking (what
 * ask says); a failure is said in summary, a success on the list.
 * @param {{ id: string }} r
 * @param {HTMLElement} summary
 * @param {{ title: string, text: string, confirm: string, flash: string }} ask
 */
export function deleteTool(r, summary, ask) {
  return h('div', { class: 'tools' }, h('button', {
    type: 'button', class: 'btn btn-danger-quiet',
    onclick: async () => {
      const ok = await confirmDialog({ title: ask.title, text: ask.text, confirm: ask.confirm, cancel: 'Không xóa', danger: true });
      if (!ok) return;
      try {
        await remove('nominations', r.id);
      } catch (e) {
        showSummary(summary, [{ text: asApiError(e).message }], 'Chưa xóa được', { scroll: false });
        return;
      }
      setFlash(ask.flash);
      navigate(listURL(), { force: true });
    },
  }, ask.confirm));
}
