// @ts-check
// The plan's standards (section III.2) as a checklist on the dossier's
// form: the set of the award's kind and the nominee's (collective or
// individual), with the rule that applies; the boxes ticked are stored.

import { h, fill, uid } from '../../util.js';
import { label } from '../../schema.js';

/**
 * A checklist: the standards all required, those of which one is, and the
 * rule in words.
 * @typedef {{ all: string[], any: string[], rule: string }} Checklist
 */

/**
 * The checklists by award kind and nominee kind, as the server keeps them
 * (admin/awards/criteria.go).
 * @type {Record<string, Record<string, Checklist>>}
 */
const LISTS = {
  'hang-nam': {
    'tap-the': { all: ['tt-sang-kien', 'tt-thanh-tich', 'tt-ky-luat', 'tt-ket-qua'], any: [], rule: 'Tập thể phải đạt cả bốn tiêu chuẩn.' },
    'ca-nhan': { all: ['cn-dieu-kien'], any: ['cn-sang-kien', 'cn-tham-muu', 'cn-trach-nhiem'], rule: 'Cá nhân phải đạt điều kiện chung và ít nhất một trong ba tiêu chuẩn.' },
  },
  'tong-ket': {
    'tap-the': { all: [], any: ['tk-tt-dan-dau', 'tk-tt-sang-kien', 'tk-tt-lien-tuc'], rule: 'Tập thể đạt một trong ba tiêu chuẩn.' },
    'ca-nhan': { all: ['tk-cn-dieu-kien'], any: ['tk-cn-tham-muu', 'tk-cn-sang-kien'], rule: 'Cá nhân phải đạt điều kiện chung và ít nhất một trong hai tiêu chuẩn.' },
  },
};
/** @type {Record<string, string>} */
const WHO = { 'tap-the': 'Tập thể', 'ca-nhan': 'Cá nhân' };

/**
 * criteriaWidget is a form widget (el, get, key, setError, focusId).
 * @param {string[]} value          the standards ticked so far
 * @param {() => string} awardKind  the award kind chosen
 * @param {() => string} whoKind    ca-nhan, tap-the, or '' when unknown
 */
export function criteriaWidget(value, awardKind, whoKind) {
  const id = uid('tieu-chuan');
  const ticked = new Set(value || []);
  const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const body = h('div', {});
  const el = h('fieldset', { id, tabindex: '-1', class: 'field criteria', 'data-field': 'criteria', 'aria-describedby': `${id}-error` },
    h('legend', {}, 'Tiêu chuẩn đạt được (theo Kế hoạch)'), err, body);
  /** @type {HTMLInputElement[]} */
  let boxes = [];
  const draw = () => {
    for (const b of boxes) { if (b.checked) ticked.add(b.value); else ticked.delete(b.value); }
    boxes = [];
    const lists = LISTS[awardKind()];
    if (!lists) {
      fill(body, h('p', { class: 'hint' }, 'Kế hoạch không đặt danh mục tiêu chuẩn cho loại khen thưởng này.'));
      return;
    }
    const who = whoKind();
    const groups = (who && lists[who] ? [who] : ['tap-the', 'ca-nhan']).map((k) => {
      const g = lists[k];
      const row = (/** @type {string} */ code) => {
        const box = h('input', { type: 'checkbox', id: `${id}-${code}`, value: code, checked: ticked.has(code) });
        boxes.push(box);
        return h('div', { class: 'field-check' }, box, h('label', { for: box.id }, label('awardCriteria', code)));
      };
      return h('div', { class: 'criteria-group' },
        h('p', { class: 'hint' }, who ? g.rule : `${WHO[k]}: ${g.rule}`),
        g.all.map(row), g.any.length && g.all.length ? h('p', { class: 'hint' }, 'Và ít nhất một trong các tiêu chuẩn:') : null, g.any.map(row));
    });
    fill(body, groups);
  };
  draw();
  const get = () => boxes.filter((b) => b.checked).map((b) => b.value);
  return {
    el, redraw: draw, get,
    key: () => get().join(','),
    focusId: id,
    setError(/** @type {string} */ msg) { err.textContent = msg; err.hidden = !msg; },
  };
}
