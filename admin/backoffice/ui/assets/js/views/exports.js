// @ts-check
// Exports for reviewers: the year's awards and nominations, per
// unit or for all, as Excel or CSV; and the printable A4 list of the
// honourees of one decision. The files come from the API with the session's
// token and are saved under the name the server gives.

import { list, asApiError } from '../api.js';
import { openHTML } from '../files.js';
import { h, fill, formatDate, formatNumber, vnYear, uid, debounce } from '../util.js';
import { can } from '../roles.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { loadUnits } from '../forms/units.js';
import { setTitle } from '../nav.js';
import { exportButton } from '../components/download.js';
import { rewardSummary } from './rewards.js';

/**
 * renderExports shows the exports for reviewers.
 * @param {HTMLElement} el
 */
export async function renderExports(el) {
  const title = 'Xuất dữ liệu';
  setTitle(title);
  if (!can.exports()) {
    fill(el, h('h1', {}, title), h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xuất được dữ liệu khen thưởng.'));
    return;
  }
  const units = await loadUnits().catch(() => []);
  const year = vnYear();

  // ---- awards and nominations of a year
  const yearInput = h('input', { id: 'xd-nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(year), autocomplete: 'off', 'aria-describedby': 'xd-nam-error' });
  const yearErr = h('p', { id: 'xd-nam-error', class: 'field-error', hidden: true });
  const unitSel = h('select', { id: 'xd-don-vi' }, h('option', { value: '' }, 'Tất cả đơn vị'), units.map((u) => h('option', { value: u.id }, u.name)));
  const status = h('p', { class: 'hint download-status', role: 'status' });
  const readYear = () => {
    setInvalid(yearInput, yearErr, '');
    const t = yearInput.value.trim();
    const n = Number(t);
    if (!/^\d{4}$/.test(t) || n < 2000 || n > 2100) {
      setInvalid(yearInput, yearErr, 'Hãy nhập năm gồm bốn chữ số, từ 2000 đến 2100, ví dụ ' + year + '.');
      yearInput.focus();
      return 0;
    }
    return n;
  };
  /**
   * @param {string} what    awards, nominations or reports
   * @param {string} format  xlsx or csv
   * @param {string} text
   */
  const exportBtn = (what, format, text) => exportButton(text, status, () => {
    const y = readYear();
    if (!y) return null;
    const qs = new URLSearchParams({ year: String(y), format });
    if (unitSel.value) qs.set('unit', unitSel.value);
    return { path: `/api/portal/exports/${what}?${qs}`, name: `${what}-${y}.${format}` };
  });

  // ---- the list of one decision, to print
  const decSel = h('select', { id: 'xd-quyet-dinh' }, h('option', { value: '' }, 'Đang tải…'));
  const decInput = h('input', { id: 'xd-so-qd', type: 'text', autocomplete: 'off', class: 'input-medium', 'aria-describedby': 'xd-so-qd-hint xd-so-qd-error' });
  const decErr = h('p', { id: 'xd-so-qd-error', class: 'field-error', hidden: true });
  const decSummary = h('div', { class: 'summary-slot' });
  const printStatus = h('div', { role: 'status', class: 'print-status' });
  /** @type {Record<string, string>} */
  const papers = {
    'quyet-dinh': 'Quyết định kèm danh sách',
    'to-trinh': 'Tờ trình của Phòng Văn hóa – Xã hội',
    'giay-khen': 'Giấy khen (A4 ngang, mỗi trang một tập thể, cá nhân)',
    'danh-sach': 'Danh sách kèm theo quyết định',
  };
  const decDoc = h('select', { id: 'xd-van-ban' }, Object.entries(papers).map(([k, v]) => h('option', { value: k }, v)));
  const rewardSlot = h('div', { class: 'reward-summary', 'aria-live': 'polite' });
  const decYear = h('input', { id: 'xd-qd-nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: String(year), autocomplete: 'off' });

  let loadedYear = '';
  async function loadDecisions() {
    const t = decYear.value.trim();
    if (!/^\d{4}$/.test(t) || t === loadedYear) return;
    loadedYear = t;
    rewardSummary(rewardSlot, t);
    fill(decSel, h('option', { value: '' }, 'Đang tải…'));
    try {
      const res = await list('awards', { perPage: 500, filter: `year = ${Number(t)} && decisionNo != ''`, fields: 'decisionNo,decisionDate', sort: '-decisionDate' });
      if (t !== loadedYear) return; // another year was asked meanwhile
      /** @type {Map<string, { no: string, date: string, n: number }>} */
      const by = new Map();
      for (const a of res.items) {
        const x = by.get(a.decisionNo) || { no: a.decisionNo, date: a.decisionDate, n: 0 };
        x.n += 1;
        by.set(a.decisionNo, x);
      }
      const opts = [...by.values()];
      fill(decSel, h('option', { value: '' }, opts.length ? '— Chọn quyết định —' : `Năm ${t} chưa có quyết định nào`),
        opts.map((x) => h('option', { value: x.no }, `${x.no}${x.date ? ' ngày ' + formatDate(x.date) : ''} (${formatNumber(x.n)} khen thưởng)`)));
    } catch (e) {
      loadedYear = '';
      fill(decSel, h('option', { value: '' }, 'Không tải được danh sách quyết định'));
    }
  }
  decYear.addEventListener('change', loadDecisions);
  decYear.addEventListener('input', debounce(loadDecisions, 400));
  decSel.addEventListener('change', () => {
    if (decSel.value) decInput.value = decSel.value;
    rewardSummary(rewardSlot, decYear.value.trim(), decSel.value);
  });

  /** @param {SubmitEvent} e */
  async function print(e) {
    e.preventDefault();
    decSummary.replaceChildren();
    printStatus.replaceChildren();
    setInvalid(decInput, decErr, '');
    const no = decInput.value.trim() || decSel.value;
    if (!no) {
      const msg = 'Hãy chọn một quyết định hoặc nhập số quyết định, ví dụ 125/QĐ-UBND.';
      setInvalid(decInput, decErr, msg);
      const box = errorSummary([{ href: '#xd-so-qd', text: msg }], 'Chưa mở được danh sách');
      fill(decSummary, box);
      box.focus();
      return;
    }
    const what = papers[decDoc.value] || papers['quyet-dinh'];
    printStatus.textContent = `Đang mở ${what.toLowerCase()}…`;
    try {
      const res = await openHTML(`/api/portal/decisions/print?no=${encodeURIComponent(no)}&doc=${encodeURIComponent(decDoc.value)}`);
      fill(printStatus, res.opened
        ? h('p', { class: 'notice notice-success' }, `Đã mở ${what.toLowerCase()} theo Quyết định ${no} trong thẻ mới. Bấm Ctrl + P (hoặc chọn In trong trình duyệt) để in trên khổ A4${decDoc.value === 'giay-khen' ? ' ngang' : ''}.`)
        : h('p', { class: 'notice notice-warning' }, 'Trình duyệt đã chặn thẻ mới. ',
          h('a', { href: res.url, target: '_blank', rel: 'noopener' }, `Mở ${what.toLowerCase()} theo Quyết định ${no}`), ' để in.'));
    } catch (ex) {
      const err = asApiError(ex);
      printStatus.replaceChildren();
      setInvalid(decInput, decErr, err.message);
      const box = errorSummary([{ href: '#xd-so-qd', text: err.message }], 'Chưa mở được danh sách');
      fill(decSummary, box);
      box.focus();
    }
  }

  const sid = uid('xd');
  fill(el,
    h('h1', {}, title),
    h('section', { class: 'panel', 'aria-labelledby': `${sid}-nam` },
      h('h2', { id: `${sid}-nam` }, 'Khen thưởng và hồ sơ đề nghị theo năm'),
      h('p', {}, 'Tệp Excel (XLSX) có tiêu đề, dòng tên cột cố định và bộ lọc; tệp CSV mở được bằng Excel hoặc LibreOffice với đủ dấu tiếng Việt.'),
      h('div', { class: 'inline' },
        h('div', { class: 'field field-compact' }, h('label', { for: 'xd-nam' }, 'Năm'), yearErr, yearInput),
        h('div', { class: 'field field-compact' }, h('label', { for: 'xd-don-vi' }, 'Đơn vị'), unitSel)),
      h('h3', {}, 'Danh sách khen thưởng'),
      h('div', { class: 'actions' }, exportBtn('awards', 'xlsx', 'Tải danh sách khen thưởng (Excel)'), exportBtn('awards', 'csv', 'Tải danh sách khen thưởng (CSV)')),
      h('h3', {}, 'Hồ sơ đề nghị khen thưởng'),
      h('div', { class: 'actions' }, exportBtn('nominations', 'xlsx', 'Tải hồ sơ đề nghị (Excel)'), exportBtn('nominations', 'csv', 'Tải hồ sơ đề nghị (CSV)')),
      h('h3', {}, 'Tình hình nộp báo cáo năm và số liệu của các đơn vị'),
      h('p', { class: 'hint' }, 'Đơn vị nộp đúng hạn, nộp muộn (số ngày muộn, đã chấp nhận hay chưa), chưa nộp hoặc được miễn, kèm số liệu báo cáo; luôn gồm tất cả đơn vị.'),
      h('div', { class: 'actions' }, exportBtn('reports', 'xlsx', 'Tải tình hình nộp báo cáo (Excel)'), exportBtn('reports', 'csv', 'Tải tình hình nộp báo cáo (CSV)')),
      status),
    h('section', { class: 'panel', 'aria-labelledby': `${sid}-qd` },
      h('h2', { id: `${sid}-qd` }, 'In quyết định, tờ trình và giấy khen'),
      h('p', {}, 'Tờ trình của Phòng Văn hóa – Xã hội, quyết định khen thưởng (căn cứ, các điều, nơi nhận, chữ ký) kèm danh sách, và giấy khen của từng tập thể, cá nhân, trình bày theo Nghị định 30/2020/NĐ-CP trên khổ A4 để in hoặc lưu thành PDF, hoặc tải về dạng Word để chỉnh sửa. Căn cứ và nơi nhận của quyết định sửa trong mục Thông tin của xã.'),
      decSummary,
      h('form', { novalidate: true, onsubmit: print },
        h('div', { class: 'inline' },
          h('div', { class: 'field field-compact' }, h('label', { for: 'xd-qd-nam' }, 'Năm'), decYear),
          h('div', { class: 'field field-compact' }, h('label', { for: 'xd-quyet-dinh' }, 'Quyết định trong năm'), decSel),
          h('div', { class: 'field field-compact' }, h('label', { for: 'xd-van-ban' }, 'Văn bản'), decDoc)),
        h('div', { class: 'field' },
          h('label', { for: 'xd-so-qd' }, 'Hoặc nhập số quyết định'),
          h('p', { class: 'hint', id: 'xd-so-qd-hint' }, 'Ví dụ: 125/QĐ-UBND. Chọn ở danh sách trên thì số được điền vào đây.'),
          decErr, decInput),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, 'Mở văn bản để in'),
          exportButton('Tải văn bản (Word, DOCX)', printStatus, () => {
            const no = decInput.value.trim() || decSel.value;
            if (!no) {
              setInvalid(decInput, decErr, 'Hãy chọn một quyết định hoặc nhập số quyết định, ví dụ 125/QĐ-UBND.');
              return null;
            }
            return { path: `/api/portal/decisions/print?no=${encodeURIComponent(no)}&doc=${encodeURIComponent(decDoc.value)}&format=docx`, name: `${decDoc.value}-${no.replace(/[^0-9A-Za-z]+/g, '-')}.docx` };
          }))),
      printStatus,
      h('h3', {}, 'Tiền thưởng và số lượng khen thưởng trong năm'),
      rewardSlot));
  loadDecisions();
}
