// @ts-check
// The search synonyms: what citizens type and what the pages
// say ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"). The site's search
// looks for both; a change shows on the site after the next build, which
// saving one asks for. Editors and reviewers keep the list.

/**
 * @import { Synonym } from '../types.js'
 */

import { list, create, update, remove, asApiError } from '../api.js';
import { h, fill } from '../util.js';
import { can } from '../roles.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { setTitle, setDirtyCheck } from '../nav.js';
import { confirmDialog } from '../dialog.js';

const TITLE = 'Từ đồng nghĩa khi tìm kiếm';

/**
 * renderSynonyms shows the search synonyms and their form.
 * @param {HTMLElement} el
 */
export async function renderSynonyms(el) {
  setTitle(TITLE);
  if (!can.synonyms()) {
    fill(el, h('h1', {}, TITLE), h('p', {}, 'Chỉ biên tập viên và cán bộ thẩm định sửa được danh sách này.'));
    return;
  }
  /** @type {Synonym[]} */
  let rows = [];
  /** @type {Synonym | null} */
  let editing = null;
  const summary = h('div', { class: 'summary-slot' });
  const msg = h('div', { role: 'status' });
  const phrase = h('input', { id: 'tu-go', name: 'phrase', type: 'text', maxlength: 80, autocomplete: 'off', 'aria-describedby': 'tu-go-hint tu-go-error' });
  const means = h('input', { id: 'nghia', name: 'means', type: 'text', maxlength: 200, autocomplete: 'off', 'aria-describedby': 'nghia-hint nghia-error' });
  const phraseErr = h('p', { id: 'tu-go-error', class: 'field-error', hidden: true });
  const meansErr = h('p', { id: 'nghia-error', class: 'field-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Thêm');
  const cancel = h('button', { type: 'button', class: 'btn btn-quiet', hidden: true, onclick: () => startEdit(null) }, 'Thôi sửa');
  const table = h('div', {});
  if (el.isConnected) setDirtyCheck(() => phrase.value.trim() !== (editing ? editing.phrase : '') || means.value.trim() !== (editing ? editing.means : ''));

  fill(el,
    h('h1', {}, TITLE),
    h('p', {}, 'Khi người dân gõ một cụm từ ở cột bên trái, trang tìm kiếm của cổng thông tin tìm cả cụm từ ở cột bên phải. Thay đổi có hiệu lực sau lần dựng trang kế tiếp (tự động sau khi lưu).'),
    summary, msg,
    h('form', { class: 'narrow', novalidate: true, onsubmit: save },
      h('div', { class: 'field' },
        h('label', { for: 'tu-go' }, 'Người dân gõ'),
        h('p', { class: 'hint', id: 'tu-go-hint' }, 'Tối đa 6 tiếng, ví dụ “sổ đỏ”, “CCCD”. Có dấu hay không dấu đều được.'),
        phraseErr, phrase),
      h('div', { class: 'field' },
        h('label', { for: 'nghia' }, 'Tìm cả'),
        h('p', { class: 'hint', id: 'nghia-hint' }, 'Cách các trang viết, ví dụ “giấy chứng nhận quyền sử dụng đất”.'),
        meansErr, means),
      h('div', { class: 'actions' }, submit, cancel)),
    table);
  await reload();

  async function reload() {
    try {
      const res = await list('searchSynonyms', { perPage: 500, sort: 'phrase' });
      rows = res.items;
    } catch (ex) {
      fill(table, h('div', { class: 'notice notice-error', role: 'alert' }, `Không tải được danh sách: ${asApiError(ex).message}`));
      return;
    }
    fill(table, rows.length
      ? h('table', { class: 'table' },
        h('caption', {}, `${rows.length} cụm từ`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Người dân gõ'), h('th', { scope: 'col' }, 'Tìm cả'), h('th', { scope: 'col' }, 'Thao tác'))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', {}, r.phrase), h('td', {}, r.means),
          h('td', {},
            h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => startEdit(r) }, 'Sửa', h('span', { class: 'visually-hidden' }, ` “${r.phrase}”`)),
            ' ',
            h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => del(r) }, 'Xóa', h('span', { class: 'visually-hidden' }, ` “${r.phrase}”`)))))))
      : h('p', {}, 'Chưa có cụm từ nào.'));
  }

  /**
   * startEdit fills the form with a synonym to change, or empties it.
   * @param {Synonym | null} r
   */
  function startEdit(r) {
    editing = r;
    phrase.value = r ? r.phrase : '';
    means.value = r ? r.means : '';
    submit.textContent = r ? 'Lưu' : 'Thêm';
    cancel.hidden = !r;
    setInvalid(phrase, phraseErr, '');
    setInvalid(means, meansErr, '');
    phrase.focus();
  }

  /** @param {Synonym} r */
  async function del(r) {
    const ok = await confirmDialog({ title: `Xóa “${r.phrase}”?`, text: `Trang tìm kiếm sẽ không còn tìm “${r.means}” khi người dân gõ “${r.phrase}”.`, confirm: 'Xóa', cancel: 'Giữ lại', danger: true });
    if (!ok) return;
    try {
      await remove('searchSynonyms', r.id);
    } catch (ex) {
      fill(msg, h('div', { class: 'notice notice-error', role: 'alert' }, `Chưa xóa được: ${asApiError(ex).message}`));
      return;
    }
    if (editing && editing.id === r.id) startEdit(null);
    fill(msg, h('div', { class: 'notice notice-success' }, `Đã xóa “${r.phrase}”.`));
    await reload();
  }

  /** @param {SubmitEvent} e */
  async function save(e) {
    e.preventDefault();
    summary.replaceChildren();
    msg.replaceChildren();
    setInvalid(phrase, phraseErr, '');
    setInvalid(means, meansErr, '');
    const body = { phrase: phrase.value.trim(), means: means.value.trim() };
    /** @type {['phrase' | 'means', string][]} */
    const errs = [];
    if (!body.phrase) errs.push(['phrase', 'Hãy nhập cụm từ người dân gõ.']);
    if (!body.means) errs.push(['means', 'Hãy nhập cụm từ cần tìm cả.']);
    try {
      if (!errs.length) {
        if (editing) await update('searchSynonyms', editing.id, body);
        else await create('searchSynonyms', body);
      }
    } catch (err) {
      const ex = asApiError(err);
      for (const f of /** @type {const} */ (['phrase', 'means'])) {
        if (ex.data && ex.data[f]) errs.push([f, ex.data[f].message]);
      }
      if (!errs.length) errs.push(['phrase', ex.message]);
    }
    if (errs.length) {
      const label = { phrase: 'Người dân gõ', means: 'Tìm cả' };
      for (const [f, m] of errs) setInvalid(f === 'phrase' ? phrase : means, f === 'phrase' ? phraseErr : meansErr, m);
      const box = errorSummary(errs.map(([f, m]) => ({ href: f === 'phrase' ? '#tu-go' : '#nghia', text: `${label[f]}: ${m}` })), 'Chưa lưu được');
      fill(summary, box);
      box.focus();
      return;
    }
    fill(msg, h('div', { class: 'notice notice-success' }, `Đã lưu “${body.phrase}” → “${body.means}”. Trang tìm kiếm dùng cụm từ này sau lần dựng trang kế tiếp.`));
    startEdit(null);
    await reload();
  }
}
