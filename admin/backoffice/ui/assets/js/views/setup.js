// @ts-check
// The commune's identity: the first-run setup and its later
// edits, for reviewers (IT does the same with "portal init" or in /_/).
// Names, contacts (Nghị định 42/2022/NĐ-CP), colour, the plan with its
// signed PDF, the yearly deadline. Saving rebuilds the public site under
// the new name; the server checks every field again (admin/setup).

/**
 * @import { CommuneRecord } from '../types.js'
 * @import { Problem } from '../ui-types.js'
 */

import { create, list, update, asApiError } from '../api.js';
import { h, fill, find, formatBytes } from '../util.js';
import { can } from '../roles.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { checkDocument } from '../forms/sniff.js';
import { setTitle, setDirtyCheck, showIdentity, BASE } from '../nav.js';
import { loadConfig } from '../process.js';
import { loadMeta, meta, fieldMeta, vocab } from '../schema.js';
import { readDeadline } from './settings.js';

const TITLE = 'Thông tin của xã';

/** @param {HTMLElement} el */
export async function renderSetup(el) {
  setTitle(TITLE);
  if (!can.settings()) {
    fill(el, h('h1', {}, TITLE), h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội (hoặc bộ phận kỹ thuật) thay đổi được thông tin của xã.'));
    return;
  }
  /** @type {CommuneRecord | null} */
  let rec = null;
  try {
    const res = await list('commune', { perPage: 1 });
    rec = res.items[0] || null;
  } catch (ex) {
    fill(el, h('h1', {}, TITLE), h('div', { class: 'notice notice-error', role: 'alert' }, asApiError(ex).message));
    return;
  }
  let config = await loadConfig();
  const c = meta.commune || { fields: [], fieldsEn: [], palette: [] };
  const summary = h('div', { class: 'summary-slot' });
  const msg = h('div', { role: 'status' });
  /** @type {Record<string, {input: HTMLInputElement|HTMLTextAreaElement, err: HTMLElement, label: string}>} */
  const controls = {};

  /**
   * textField makes a labelled text control kept in controls by name.
   * @param {string} name
   * @param {string} label
   * @param {number} max
   * @param {boolean} required
   * @param {unknown} value
   * @param {string} [hint]
   */
  const textField = (name, label, max, required, value, hint) => {
    const id = `xa-${name}`;
    const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
    const input = name === 'planText' || name === 'aboutEn' || name === 'decisionBases' || name === 'decisionRecipients'
      ? h('textarea', { id, name, rows: name === 'planText' ? 12 : name === 'aboutEn' ? 4 : 5, maxlength: max || undefined, 'aria-describedby': `${id}-error` })
      : h('input', { id, name, type: name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text', maxlength: max || undefined, required: required || undefined, autocomplete: 'off', 'aria-describedby': `${id}-error` });
    input.value = value ? String(value) : '';
    controls[name] = { input, err, label };
    return h('div', { class: 'field' },
      h('label', { for: id }, label + (required ? '' : ' (không bắt buộc)')),
      hint ? h('p', { class: 'hint' }, hint) : null, err, input);
  };

  const fields = c.fields.map((f) => textField(f.name, f.label, f.max, f.required, rec ? rec[f.name] : ''));
  const fieldsEn = (c.fieldsEn || []).map((f) => textField(f.name, f.label, f.max, f.required, rec ? rec[f.name] : ''));
  const colour = rec && rec.colour ? rec.colour : (c.palette[0] || {}).key;
  const colourErr = h('p', { id: 'xa-colour-error', class: 'field-error', hidden: true });
  const palette = h('fieldset', { class: 'field' },
    h('legend', {}, 'Màu chủ đạo của trang'),
    h('p', { class: 'hint' }, 'Các màu đã được kiểm tra độ tương phản (chữ trắng, chữ vàng trên nền màu đều dễ đọc).'),
    colourErr,
    h('div', { class: 'palette' }, c.palette.map((p) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'colour', value: p.key, checked: p.key === colour || undefined }),
      h('span', { class: 'swatch', 'data-colour': p.key }), p.label))));
  // The swatches' colours: set as properties (the CSP forbids inline style attributes).
  palette.querySelectorAll('.swatch').forEach((s) => {
    const p = c.palette.find((x) => x.key === s.getAttribute('data-colour'));
    if (p && s instanceof HTMLElement) s.style.background = p.brand;
  });
  const planText = textField('planText', 'Toàn văn kế hoạch (Markdown)', fieldMeta('commune', 'planText').max || 100000, false, rec ? rec.planText : '', 'Dùng ## cho tiêu đề mục, - cho danh sách.');
  const fileMeta = fieldMeta('commune', 'planFile');
  const fileErr = h('p', { id: 'xa-planFile-error', class: 'field-error', hidden: true });
  const fileInput = h('input', { id: 'xa-planFile', name: 'planFile', type: 'file', accept: 'application/pdf,.pdf', 'aria-describedby': 'xa-planFile-hint xa-planFile-error' });
  const planFile = h('div', { class: 'field' },
    h('label', { for: 'xa-planFile' }, 'Bản kế hoạch đã ký (PDF, không bắt buộc)'),
    h('p', { class: 'hint', id: 'xa-planFile-hint' }, `Tệp PDF, tối đa ${formatBytes(fileMeta.maxSize || 20 << 20)}.` + (rec && rec.planFile ? ` Đã có tệp: ${rec.planFile}; chọn tệp mới để thay.` : '')),
    fileErr, fileInput);
  // The award forms in use: none ticked means every form.
  const chosenForms = (rec && rec.awardForms) || [];
  const formsErr = h('p', { id: 'xa-awardForms-error', class: 'field-error', hidden: true });
  const forms = h('fieldset', { class: 'field', id: 'xa-awardForms' },
    h('legend', {}, 'Hình thức khen thưởng xã sử dụng'),
    h('p', { class: 'hint' }, 'Đề nghị và quyết định khen thưởng chỉ chọn được các hình thức đánh dấu. Không đánh dấu hình thức nào nghĩa là dùng tất cả.'),
    formsErr,
    vocab('awardForms').map((o) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'awardForms', value: o.key, checked: chosenForms.includes(o.key) || undefined }), o.label)));
  const tickedForms = () => Array.from(form.querySelectorAll('input[name=awardForms]:checked'), (x) => (x instanceof HTMLInputElement ? x.value : ''));
  const bases = textField('decisionBases', 'Căn cứ ban hành quyết định khen thưởng', fieldMeta('commune', 'decisionBases').max || 4000, false, rec ? rec.decisionBases : '',
    'Mỗi dòng một căn cứ, ví dụ “Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;”. Để trống thì dùng các căn cứ theo luật hiện hành (Luật Tổ chức chính quyền địa phương 2025, Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP). Căn cứ kế hoạch phát động phong trào và đề nghị của Phòng Văn hóa – Xã hội luôn được thêm vào sau.');
  const recipients = textField('decisionRecipients', 'Nơi nhận của quyết định khen thưởng', fieldMeta('commune', 'decisionRecipients').max || 4000, false, rec ? rec.decisionRecipients : '',
    'Mỗi dòng một nơi nhận, ví dụ “Như Điều 3;”. Để trống thì dùng: Như Điều 3; Thường trực Đảng ủy xã (để báo cáo); Chủ tịch, các Phó Chủ tịch UBND xã; Lưu: VT, VHXH.');
  const deadline = textField('reportDeadline', 'Hạn nộp hồ sơ khen thưởng và báo cáo năm (ngày/tháng)', 5, true, config.reportDeadline || '20/11');

  const form = h('form', { class: 'narrow', novalidate: true, onsubmit: save },
    h('h2', {}, 'Tên gọi'), ...fields.slice(0, 6),
    h('h2', {}, 'Liên hệ (công bố trên mọi trang, theo Nghị định 42/2022/NĐ-CP)'), ...fields.slice(6, 14),
    h('h2', {}, 'Bằng tiếng Anh (trang /en/, theo Nghị định 42/2022/NĐ-CP)'),
    h('p', { class: 'hint' }, 'Không bắt buộc. Mục nào để trống, trang tiếng Anh hiện thông tin tiếng Việt tương ứng (tên riêng giữ nguyên).'),
    ...fieldsEn,
    h('h2', {}, 'Giao diện'), palette,
    h('h2', {}, 'Kế hoạch phát động phong trào'), ...fields.slice(14), planText, planFile,
    h('h2', {}, 'Khen thưởng'), forms, deadline, bases, recipients,
    h('p', {}, 'Đơn vị và loại đơn vị: ', h('a', { href: BASE + 'don-vi' }, 'quản lý trong mục Đơn vị'), '.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, rec ? 'Lưu thông tin' : 'Lưu và dựng trang')));
  const snapshot = () => JSON.stringify(Object.fromEntries(Object.entries(controls).map(([k, v]) => [k, v.input.value]))) + fileInput.value
    + (find(form, 'input[name=colour]:checked', HTMLInputElement)?.value || '') + tickedForms().join();
  let initial = snapshot();
  if (el.isConnected) setDirtyCheck(() => snapshot() !== initial);

  fill(el, h('h1', {}, TITLE),
    rec ? null : h('div', { class: 'notice notice-info' }, 'Cổng chưa có thông tin của xã. Điền các mục dưới đây rồi lưu: trang công khai sẽ được dựng lại mang tên xã.'),
    summary, msg, form);

  /** @param {SubmitEvent} e */
  async function save(e) {
    e.preventDefault();
    summary.replaceChildren();
    msg.replaceChildren();
    /** @type {Problem[]} */
    const problems = [];
    const fail = (/** @type {string} */ name, /** @type {string} */ m) => {
      const ctl = controls[name];
      if (ctl) setInvalid(ctl.input, ctl.err, m);
      else if (name === 'planFile') setInvalid(fileInput, fileErr, m);
      else if (name === 'colour') setInvalid(null, colourErr, m);
      else if (name === 'awardForms') setInvalid(null, formsErr, m);
      const what = ctl ? ctl.label : /** @type {Record<string, string>} */ ({ planFile: 'Bản kế hoạch', colour: 'Màu', awardForms: 'Hình thức khen thưởng' })[name] || name;
      problems.push({ href: `#xa-${name}`, text: `${what}: ${m}` });
    };
    Object.values(controls).forEach((x) => setInvalid(x.input, x.err, ''));
    setInvalid(fileInput, fileErr, '');
    setInvalid(null, formsErr, '');
    c.fields.forEach((f) => {
      if (f.required && !controls[f.name].input.value.trim()) fail(f.name, 'Hãy điền mục này.');
    });
    const d = readDeadline(controls.reportDeadline.input.value);
    if ('error' in d) fail('reportDeadline', d.error);
    const file = fileInput.files && fileInput.files[0];
    if (file) {
      const m = await checkDocument(file, fileMeta.maxSize, ['application/pdf']);
      if (m) fail('planFile', m);
    }
    const show = () => {
      const box = errorSummary(problems, 'Chưa lưu được');
      fill(summary, box);
      box.focus();
    };
    if (problems.length || 'error' in d) return show();

    const body = new FormData();
    [...c.fields, ...(c.fieldsEn || [])].forEach((f) => body.append(f.name, controls[f.name].input.value));
    body.append('planText', controls.planText.input.value);
    body.append('decisionBases', controls.decisionBases.input.value);
    body.append('decisionRecipients', controls.decisionRecipients.input.value);
    const chosen = find(form, 'input[name=colour]:checked', HTMLInputElement);
    if (chosen) body.append('colour', chosen.value);
    if (file) body.append('planFile', file);
    const ticked = tickedForms();
    (ticked.length ? ticked : ['']).forEach((k) => body.append('awardForms', k)); // '' clears: every form
    try {
      rec = rec ? await update('commune', rec.id, body) : await create('commune', body);
      if (d.value !== config.reportDeadline && config.id) {
        config = await update('portalConfig', config.id, { reportDeadline: d.value });
      }
    } catch (err) {
      const ex = asApiError(err);
      const data = ex.data || {};
      Object.keys(data).forEach((k) => fail(k, data[k].message || ex.message));
      if (!problems.length) problems.push({ text: ex.message });
      return show();
    }
    fileInput.value = '';
    initial = snapshot();
    try {
      await loadMeta();
      showIdentity(meta.commune);
    } catch { /* the names show at the next page load */ }
    fill(msg, h('div', { class: 'notice notice-success' },
      `Đã lưu thông tin của ${rec.commune}. Trang công khai đang được dựng lại với tên mới; xem tình trạng ở `,
      h('a', { href: BASE }, 'trang tổng quan'), '.'));
    msg.scrollIntoView({ block: 'center' });
  }
}
