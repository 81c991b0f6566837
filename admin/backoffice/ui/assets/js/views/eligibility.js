// @ts-check
// Who meets the standards of the 2026–2030 summary award (khen thưởng tổng
// kết giai đoạn): the server computes it from the records
// (admin/awards/eligibility.go); reviewers read each standard, met or not, with
// its reason and the records behind it, and export the list for the
// council.

/**
 * @import { Eligible } from '../answers.js'
 * @import { RouteCtx } from '../ui-types.js'
 * @import { ApiError } from '../api.js'
 * @import { Child } from '../dom.js'
 */

import { request, asApiError } from '../api.js';
import { h, fill, $, formatNumber } from '../util.js';
import { can } from '../roles.js';
import { BASE, setTitle } from '../nav.js';
import { filterTo } from '../components/list.js';
import { exportButton } from '../components/download.js';
import { PATHS } from '../process.js';

const PATH = PATHS.eligibility;

/**
 * renderEligibility shows who meets the summary award's standards.
 * @param {HTMLElement} el
 * @param {RouteCtx} ctx
 */
export async function renderEligibility(el, { query }) {
  const title = 'Đủ tiêu chuẩn khen thưởng tổng kết 2026 – 2030';
  setTitle(title);
  if (!can.eligibility()) {
    fill(el, h('h1', {}, title), h('p', {}, 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xem được danh sách này.'));
    return;
  }
  const show = query.get('hien') || '';
  const kind = query.get('doi-tuong') || '';
  /** @type {{ items: Eligible[] | null } | null} */
  let data = null;
  /** @type {ApiError | null} */
  let error = null;
  try {
    data = /** @type {{ items: Eligible[] | null }} */ (await request('GET', '/api/portal/eligibility'));
  } catch (e) {
    error = asApiError(e);
  }
  const status = h('p', { class: 'hint download-status', role: 'status' });
  const exportBtn = (/** @type {string} */ format, /** @type {string} */ text) => exportButton(text, status,
    () => ({ path: `/api/portal/eligibility?format=${format}`, name: `du-tieu-chuan.${format}` }));

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc danh sách', onsubmit: filterTo(BASE + PATH + '/') },
    h('div', { class: 'field field-compact' }, h('label', { for: 'dtc-hien' }, 'Hiện'),
      h('select', { id: 'dtc-hien', name: 'hien' },
        h('option', { value: '' }, 'Tất cả'),
        h('option', { value: 'du' }, 'Đủ tiêu chuẩn'),
        h('option', { value: 'chua-du' }, 'Chưa đủ tiêu chuẩn'))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'dtc-doi-tuong' }, 'Đối tượng'),
      h('select', { id: 'dtc-doi-tuong', name: 'doi-tuong' },
        h('option', { value: '' }, 'Cá nhân và tập thể'),
        h('option', { value: 'ca-nhan' }, 'Cá nhân'),
        h('option', { value: 'tap-the' }, 'Tập thể'))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      show || kind ? h('a', { href: BASE + PATH + '/', class: 'link-button' }, 'Xóa bộ lọc') : null));
  $(form, '#dtc-hien', HTMLSelectElement).value = show;
  $(form, '#dtc-doi-tuong', HTMLSelectElement).value = kind;

  /** @type {Child} */
  let body;
  if (error || !data) {
    body = h('div', { class: 'notice notice-error', role: 'alert' }, error ? error.message : '');
  } else {
    const all = data.items || [];
    const items = all.filter((x) => (show === 'du' ? x.eligible : show === 'chua-du' ? !x.eligible : true) && (!kind || x.kind === kind));
    const yes = all.filter((x) => x.eligible).length;
    body = [
      h('p', { class: 'result-count', role: 'status' },
        `${formatNumber(yes)} trong ${formatNumber(all.length)} tập thể, cá nhân đủ tiêu chuẩn theo dữ liệu.`,
        items.length !== all.length ? ` Đang hiện ${formatNumber(items.length)}.` : ''),
      items.length === 0 ? h('p', { class: 'empty' }, 'Không có tập thể, cá nhân nào khớp với bộ lọc.')
        : h('ul', { class: 'eligibility-list' }, items.map(card)),
    ];
  }

  fill(el,
    h('h1', {}, title),
    h('p', { class: 'lead' }, 'Tính từ dữ liệu của cổng theo tiêu chuẩn tại mục III.2.2.a của Kế hoạch: khen thưởng hằng năm, đột xuất và sáng kiến được áp dụng trong giai đoạn. Hội đồng Thi đua – Khen thưởng đối chiếu thêm với hồ sơ trước khi xét.'),
    h('div', { class: 'notice notice-info' },
      h('p', {}, h('strong', {}, 'Cá nhân: '), 'ít nhất 03 năm trực tiếp tham gia công tác cải cách hành chính, và có thành tích xuất sắc được khen thưởng hoặc sáng kiến được áp dụng.'),
      h('p', {}, h('strong', {}, 'Tập thể: '), 'có ít nhất 02 sáng kiến, mô hình được áp dụng, hoặc có thành tích nổi bật trong ít nhất 03 năm.')),
    h('div', { class: 'actions export-actions' },
      exportBtn('xlsx', 'Xuất danh sách (Excel)'),
      exportBtn('csv', 'Xuất danh sách (CSV)')),
    status,
    form,
    body);
}

/** @type {Record<string, string>} */
const EVIDENCE_PATHS = { awards: 'khen-thuong', initiatives: 'mo-hinh-sang-kien' };

/**
 * card shows one honouree: each standard, met or not, and the records
 * behind it.
 * @param {Eligible} x
 */
function card(x) {
  const id = `dtc-${x.honoreeId}`;
  return h('li', { class: `eligibility ${x.eligible ? 'eligible' : 'not-eligible'}` },
    h('article', { 'aria-labelledby': id },
      h('div', { class: 'eligibility-head' },
        h('h2', { id }, h('a', { href: `${BASE}guong-dien-hinh/${x.honoreeId}` }, x.name)),
        h('span', { class: `badge ${x.eligible ? 'badge-yes' : 'badge-no'}` }, x.eligible ? 'Đủ tiêu chuẩn' : 'Chưa đủ tiêu chuẩn')),
      h('p', { class: 'muted' }, [x.kindLabel, x.unit].filter(Boolean).join(' · ')),
      h('ul', { class: 'criteria' }, (x.criteria || []).map((c) => h('li', { class: c.met ? 'met' : 'unmet' },
        h('span', { class: 'criterion-mark', 'aria-hidden': 'true' }, c.met ? '✓' : '✗'),
        h('span', { class: 'visually-hidden' }, c.met ? 'Đạt: ' : 'Chưa đạt: '),
        h('span', { class: 'criterion-text' }, c.text),
        c.evidence && c.evidence.length ? h('ul', { class: 'evidence' }, c.evidence.map((ev) => {
          const p = EVIDENCE_PATHS[ev.collection];
          const text = `${ev.year ? ev.year + ': ' : ''}${ev.title}`;
          return h('li', {}, p ? h('a', { href: `${BASE}${p}/${ev.id}` }, text) : text);
        })) : null))),
      x.note ? h('p', { class: 'hint' }, x.note) : null));
}
