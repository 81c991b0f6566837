// @ts-check
// What a reviewer may do with a dossier in its state: return it, forward
// it to the council, record the council's decision.

/**
 * @import { Nomination } from '../../types.js'
 * @import { FieldDef, Problem, Widget } from '../../ui-types.js'
 */

import { update, asApiError } from '../../api.js';
import { h, uid } from '../../util.js';
import { label } from '../../schema.js';
import { widget } from '../../forms/widget.js';
import { setInvalid } from '../../forms/field.js';
import { navigate, setDirtyCheck, setFlash } from '../../nav.js';
import { actionButton, onAction, lock, flag, keysOf, serverProblems, showSummary, isError } from '../../editor.js';
import { listURL } from './common.js';

/**
 * actionPanel is what a reviewer may do with a dossier in its state: its
 * box, and its test for unsaved changes; null when there is nothing to do.
 * @param {Nomination} r
 * @param {HTMLElement} summary  where the problems of a decision are listed
 * @returns {{ el: HTMLElement, dirty: () => boolean } | null}
 */
export function actionPanel(r, summary) {
  const st = r.state;
  if (!['submitted', 'forwarded', 'rejected'].includes(st)) {
    // A returned or decided dossier says so in its notices above.
    const text = st === 'draft' ? 'Hồ sơ đang được đơn vị soạn, chưa nộp.' : '';
    return text ? { el: h('p', { class: 'hint' }, text), dirty: () => false } : null;
  }
  /** @type {Record<string, Widget>} */
  const fields = {};
  const mk = (/** @type {string} */ key, /** @type {FieldDef} */ def, /** @type {unknown} */ value) => {
    fields[key] = widget(def, value, { collection: 'nominations', record: r });
    return fields[key].el;
  };
  const comment = mk('comment', {
    name: 'comment', label: 'Ý kiến của Phòng Văn hóa – Xã hội', widget: 'textarea', rows: 4,
    hint: st === 'rejected' ? 'Không bắt buộc. Ý kiến được lưu vào quá trình xử lý hồ sơ.'
      : 'Bắt buộc khi trả lại hồ sơ: ghi rõ đơn vị cần bổ sung gì. Ý kiến được lưu vào quá trình xử lý, đơn vị xem được.',
  }, '');

  /** @type {HTMLButtonElement[]} */
  const buttons = [];
  const act = (/** @type {string} */ action, /** @type {string} */ text, /** @type {string} */ cls) => buttons.push(actionButton(action, text, cls));
  /** @type {HTMLElement | null} */
  let decision = null;
  /** @type {{ yes: HTMLInputElement, no: HTMLInputElement, err: HTMLElement, id: string } | null} */
  let outcome = null;
  if (st === 'submitted') {
    act('forwarded', 'Trình Hội đồng', 'btn');
    act('returned', 'Trả lại để bổ sung', 'btn btn-secondary');
  } else if (st === 'forwarded') {
    // The council's decision: approved (with its number, date, signer and
    // form) or not.
    const oid = uid('ket-qua');
    const yes = h('input', { type: 'radio', name: 'ket-qua', id: `${oid}-co`, value: 'approved', checked: true });
    const no = h('input', { type: 'radio', name: 'ket-qua', id: `${oid}-khong`, value: 'rejected' });
    const outcomeErr = h('p', { id: `${oid}-error`, class: 'field-error', hidden: true });
    outcome = { yes, no, err: outcomeErr, id: `${oid}-co` };
    const approvedBox = h('div', { class: 'conditional', id: `${oid}-chi-tiet` },
      h('div', { class: 'grid-2' },
        mk('decisionNo', { name: 'decisionNo', label: 'Số quyết định', widget: 'text', hint: 'Ví dụ: 125/QĐ-UBND.', required: true }, ''),
        mk('decisionDate', { name: 'decisionDate', label: 'Ngày quyết định', widget: 'date', required: true }, '')),
      mk('signer', { name: 'signer', label: 'Người ký', widget: 'text', hint: 'Ví dụ: Chủ tịch UBND xã Nguyễn Văn A.', required: true }, ''),
      mk('decidedForm', { name: 'decidedForm', label: 'Hình thức khen thưởng được quyết định', widget: 'select', vocab: 'awardForms', empty: '— Như đơn vị đề nghị —', hint: `Đơn vị đề nghị: ${label('awardForms', r.requestedForm)}. Để trống nếu đúng như đề nghị.` }, ''));
    const sync = () => { approvedBox.hidden = !yes.checked; };
    yes.addEventListener('change', sync);
    no.addEventListener('change', sync);
    yes.setAttribute('aria-controls', `${oid}-chi-tiet`);
    decision = h('fieldset', { class: 'field decision-outcome', 'data-field': 'state', 'aria-describedby': `${oid}-error` },
      h('legend', {}, 'Kết quả xét của Hội đồng Thi đua – Khen thưởng'),
      outcomeErr,
      h('div', { class: 'radios' },
        h('div', { class: 'field-check' }, yes, h('label', { for: `${oid}-co` }, 'Được khen thưởng')),
        approvedBox,
        h('div', { class: 'field-check' }, no, h('label', { for: `${oid}-khong` }, 'Không được khen thưởng'))));
    act('decide', 'Ghi quyết định', 'btn');
    act('returned', 'Trả lại để bổ sung', 'btn btn-secondary');
  } else if (st === 'rejected') {
    act('forwarded', 'Trình lại Hội đồng', 'btn btn-secondary');
  }

  const form = h('form', { class: 'action-panel', novalidate: true, onsubmit: onAction(send) },
    h('h2', { id: 'xu-ly' }, st === 'forwarded' ? 'Ghi quyết định của Hội đồng' : 'Xử lý hồ sơ'),
    decision,
    comment,
    h('div', { class: 'actions' }, buttons));
  form.setAttribute('aria-labelledby', 'xu-ly');
  const keyOf = () => keysOf(Object.values(fields)) + (outcome ? String(outcome.yes.checked) : '');
  const initial = keyOf();

  /**
   * send records the action of the button pressed.
   * @param {string} action
   */
  async function send(action) {
    summary.replaceChildren();
    for (const w of Object.values(fields)) w.setError('');
    if (outcome) setInvalid(null, outcome.err, '');
    if (action === 'default') action = st === 'forwarded' ? 'decide' : 'forwarded';
    /** @type {Record<string, unknown>} */
    const body = { comment: fields.comment.get() };
    /** @type {Problem[]} */
    const problems = [];
    let message = '';
    if (action === 'returned') {
      body.state = 'returned';
      if (!String(body.comment).trim()) {
        const msg = 'Hãy ghi rõ nội dung cần bổ sung khi trả lại hồ sơ.';
        problems.push(flag(fields.comment, msg, `Ý kiến: ${msg}`));
      }
      message = 'Đã trả lại hồ sơ để đơn vị bổ sung.';
    } else if (action === 'forwarded') {
      body.state = 'forwarded';
      message = st === 'rejected' ? 'Đã trình lại Hội đồng.' : 'Đã trình hồ sơ lên Hội đồng Thi đua – Khen thưởng.';
    } else if (action === 'decide' && outcome) {
      if (outcome.no.checked) {
        body.state = 'rejected';
        message = 'Đã ghi quyết định: không khen thưởng.';
      } else {
        body.state = 'approved';
        const need = [['decisionNo', 'Số quyết định', 'Hãy ghi số quyết định, ví dụ 125/QĐ-UBND.'],
          ['decisionDate', 'Ngày quyết định', 'Hãy ghi ngày quyết định, ví dụ 25/11/2026.'],
          ['signer', 'Người ký', 'Hãy ghi người ký quyết định.']];
        for (const [k, lbl, msg] of need) {
          const v = fields[k].get();
          if (isError(v)) {
            problems.push(flag(fields[k], v.error, `${lbl}: ${v.error}`));
          } else if (!String(v || '').trim()) {
            problems.push(flag(fields[k], msg, `${lbl}: ${msg}`));
          } else {
            body[k] = v;
          }
        }
        if (fields.decidedForm.get()) body.decidedForm = fields.decidedForm.get();
        message = 'Đã ghi quyết định khen thưởng. Khen thưởng đã được tạo ở dạng bản nháp: bấm “Công bố lên trang vinh danh” để công bố.';
      }
    }
    if (problems.length) return show(problems);
    const unlock = lock(form);
    try {
      await update('nominations', r.id, body);
    } catch (ex) {
      unlock();
      const e = asApiError(ex);
      const items = serverProblems(e, (field, msg) => {
        if (fields[field]) return flag(fields[field], msg, msg);
        if (field === 'state' && outcome) {
          setInvalid(null, outcome.err, msg);
          return { href: '#' + outcome.id, text: msg };
        }
        return null;
      });
      if (!items.length) items.push({ text: e.message });
      return show(items, e.status === 403 ? 'Không được phép' : 'Chưa ghi được');
    }
    setDirtyCheck(null);
    setFlash(message);
    navigate(`${listURL()}${r.id}`, { replace: true, force: true });
  }
  /**
   * @param {Problem[]} items
   * @param {string} [title]
   */
  function show(items, title = 'Chưa ghi được: có lỗi cần sửa') {
    showSummary(summary, items, title);
  }
  return { el: form, dirty: () => keyOf() !== initial };
}
