// Nominations for awards (hồ sơ đề nghị khen thưởng), issue 6: a unit's
// reporter files a dossier for their unit (save a draft, file it before the
// yearly deadline, refile it when returned); a reviewer returns it with a
// comment, forwards it to the council and records the council's decision,
// which makes the award (a draft, published on the honour roll by a
// reviewer). Every state change and comment is kept in the dossier's
// history, shown as a timeline. The server decides who may do what
// (admin/nominations.go); this page offers what the role allows.

import { list, view, create, update, remove, auth, download } from '../api.js';
import { h, fill, formatDate, formatDateTime, formatNumber, q, vnYear, displayFileName, uid } from '../util.js';
import { label, vocab } from '../schema.js';
import { can, isReviewer, isReporter } from '../roles.js';
import { widget } from '../forms/widget.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { loadUnits } from '../forms/units.js';
import { downloadButton } from '../forms/documents.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash } from '../nav.js';
import { confirmDialog } from '../dialog.js';
import { pager, shortActor } from './list.js';
import { PATHS, loadConfig, deadline, openYear, nomineeName, nomineeKind, nominationBadge, crumbs } from '../process.js';

const PATH = PATHS.nominations;
const TITLE = 'Hồ sơ đề nghị khen thưởng';
const PER_PAGE = 20;
const EXPAND = 'nominee,unit,initiatives,awards,awards.honoree';

const listURL = () => BASE + PATH + '/';

function noAccess(el) {
  setTitle(TITLE);
  fill(el, h('h1', {}, TITLE),
    h('p', {}, isReporter() && !auth.unit
      ? 'Tài khoản của bạn chưa được gắn với đơn vị nào, nên chưa xem được hồ sơ của đơn vị. Hãy liên hệ bộ phận quản trị (IT) để được gắn đúng đơn vị.'
      : 'Chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội và cán bộ đầu mối của các đơn vị làm việc với hồ sơ đề nghị khen thưởng.'),
    h('p', {}, h('a', { href: BASE }, 'Về trang tổng quan')));
}

// ---------------------------------------------------------------- list

export async function renderNominationList(el, { query }) {
  if (!can.nominations()) return noAccess(el);
  const flash = takeFlash();
  const page = Math.max(1, parseInt(query.get('trang') || '1', 10) || 1);
  const year = (query.get('nam') || '').trim();
  const unit = query.get('don-vi') || '';
  const state = query.get('trang-thai') || '';
  const kind = query.get('loai') || '';
  const filters = [];
  const problems = [];
  if (year) {
    if (/^\d{4}$/.test(year)) filters.push(`year = ${Number(year)}`);
    else problems.push(`Năm “${year}” không hợp lệ: hãy nhập bốn chữ số, ví dụ ${vnYear()}.`);
  }
  if (unit && isReviewer()) filters.push(`unit = ${q(unit)}`);
  if (state) filters.push(`state = ${q(state)}`);
  if (kind) filters.push(`kind = ${q(kind)}`);
  setTitle(TITLE + (page > 1 ? ` – trang ${page}` : ''));

  const [config, units, result] = await Promise.all([
    loadConfig(),
    isReviewer() ? loadUnits().catch(() => []) : Promise.resolve([]),
    list('nominations', { page, perPage: PER_PAGE, sort: '-updated', filter: filters.join(' && '), expand: 'nominee,unit' })
      .then((res) => ({ res }), (error) => ({ error })),
  ]);
  const { res, error } = result;

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc hồ sơ đề nghị', onsubmit: onFilter },
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-nam' }, 'Năm'),
      h('input', { id: 'loc-nam', name: 'nam', type: 'text', inputmode: 'numeric', class: 'input-short', value: year, autocomplete: 'off' })),
    isReviewer() ? h('div', { class: 'field field-compact' }, h('label', { for: 'loc-don-vi' }, 'Đơn vị'),
      h('select', { id: 'loc-don-vi', name: 'don-vi' }, h('option', { value: '' }, 'Tất cả'),
        units.map((u) => h('option', { value: u.id }, u.name)))) : null,
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-trang-thai' }, 'Trạng thái'),
      h('select', { id: 'loc-trang-thai', name: 'trang-thai' }, h('option', { value: '' }, 'Tất cả'),
        vocab('nominationStates').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'field field-compact' }, h('label', { for: 'loc-loai' }, 'Loại khen thưởng'),
      h('select', { id: 'loc-loai', name: 'loai' }, h('option', { value: '' }, 'Tất cả'),
        vocab('awardKinds').map((o) => h('option', { value: o.key }, o.label)))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Lọc'),
      (year || unit || state || kind) ? h('a', { href: listURL(), class: 'link-button' }, 'Xóa bộ lọc') : null));
  form.querySelector('#loc-trang-thai').value = state;
  form.querySelector('#loc-loai').value = kind;
  if (isReviewer()) form.querySelector('#loc-don-vi').value = unit;

  let body;
  if (error) {
    body = h('div', { class: 'notice notice-error', role: 'alert' }, error.status === 403 ? 'Bạn không có quyền xem danh sách này.' : error.message);
  } else if (res.items.length === 0) {
    body = h('p', { class: 'empty' }, filters.length ? 'Không có hồ sơ nào khớp với bộ lọc.' : 'Chưa có hồ sơ đề nghị nào.');
  } else {
    body = h('table', { class: 'records' },
      h('caption', { class: 'visually-hidden' }, `${TITLE}: ${formatNumber(res.totalItems)} hồ sơ`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Tập thể, cá nhân được đề nghị'),
        isReviewer() ? h('th', { scope: 'col' }, 'Đơn vị') : null,
        h('th', { scope: 'col' }, 'Năm'),
        h('th', { scope: 'col' }, 'Hình thức đề nghị'),
        h('th', { scope: 'col' }, 'Trạng thái'),
        h('th', { scope: 'col' }, 'Cập nhật'))),
      h('tbody', {}, res.items.map((r) => h('tr', {},
        h('td', { 'data-label': 'Được đề nghị' }, h('a', { href: `${listURL()}${r.id}` }, nomineeName(r)), h('span', { class: 'by' }, nomineeKind(r))),
        isReviewer() ? h('td', { 'data-label': 'Đơn vị' }, r.expand && r.expand.unit ? r.expand.unit.name : '—') : null,
        h('td', { 'data-label': 'Năm' }, String(r.year)),
        h('td', { 'data-label': 'Hình thức' }, label('awardForms', r.requestedForm), h('span', { class: 'by' }, label('awardKinds', r.kind))),
        h('td', { 'data-label': 'Trạng thái' }, nominationBadge(r.state)),
        h('td', { 'data-label': 'Cập nhật' }, formatDateTime(r.updated))))));
  }

  fill(el,
    h('div', { class: 'page-head' },
      h('h1', {}, TITLE),
      can.file() ? h('a', { class: 'btn', href: listURL() + 'moi' }, 'Lập hồ sơ đề nghị') : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    deadlineSummary(config),
    problems.length ? h('div', { class: 'notice notice-error', role: 'alert' }, problems.join(' ')) : null,
    form,
    res ? h('p', { class: 'result-count', role: 'status' }, `${formatNumber(res.totalItems)} hồ sơ` + (res.totalPages > 1 ? `, trang ${page}/${res.totalPages}` : '')) : null,
    body,
    res ? pager(res, query) : null,
    exportPanel(year, isReviewer() ? unit : ''));

  function onFilter(e) {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    const s = params.toString();
    navigate(listURL() + (s ? '?' + s : ''));
  }
}

// exportPanel downloads the dossiers of a year (the one filtered, or this
// year) as Excel or CSV: reviewers for all units or the one filtered, a
// unit's reporter for their own (the server decides).
function exportPanel(year, unit) {
  const y = /^\d{4}$/.test(year) ? year : String(vnYear());
  const status = h('p', { class: 'hint download-status', role: 'status' });
  const btn = (format, text) => h('button', {
    type: 'button', class: 'btn btn-secondary',
    onclick: async (e) => {
      const b = e.currentTarget;
      b.disabled = true;
      status.textContent = 'Đang tạo tệp…';
      const qs = new URLSearchParams({ year: y, format });
      if (unit) qs.set('unit', unit);
      try {
        const name = await download(`/api/portal/exports/nominations?${qs}`, `ho-so-de-nghi-${y}.${format}`);
        status.textContent = `Đã tải ${name}.`;
      } catch (err) {
        status.textContent = `Không tải được: ${err.message}`;
      }
      b.disabled = false;
    },
  }, text);
  return h('section', { class: 'panel', 'aria-labelledby': 'xuat-ho-so' },
    h('h2', { id: 'xuat-ho-so' }, `Tải danh sách hồ sơ năm ${y}`),
    h('p', { class: 'hint' }, isReviewer()
      ? (unit ? 'Hồ sơ của đơn vị đang lọc.' : 'Hồ sơ của mọi đơn vị. Lọc theo năm và đơn vị ở trên để tải danh sách khác.')
      : 'Hồ sơ của đơn vị bạn. Lọc theo năm ở trên để tải năm khác.'),
    h('div', { class: 'actions' }, btn('xlsx', 'Tải tệp Excel'), btn('csv', 'Tải tệp CSV')),
    status);
}

// deadlineSummary says where the yearly deadline stands: this year's, and
// the next one when this year's has passed.
function deadlineSummary(config) {
  const y = vnYear();
  const d = deadline(config, y);
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp hồ sơ khen thưởng hằng năm năm ${y}: hết ngày ${d.text}`,
      d.days <= 30 ? ` (còn ${formatNumber(d.days)} ngày)` : '',
      '. Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.');
  }
  const next = deadline(config, y + 1);
  return h('p', { class: 'notice notice-info deadline' },
    `Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm ${y} (hạn cuối ${d.text}). Hồ sơ năm ${y + 1} nộp đến hết ngày ${next.text}. Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.`);
}

// ---------------------------------------------------------------- one dossier

export async function renderNomination(el, { id }) {
  if (!can.nominations()) return noAccess(el);
  let record = null;
  if (id) {
    try {
      record = await view('nominations', id, { expand: EXPAND });
    } catch (e) {
      if (e.status !== 404 && e.status !== 403) throw e;
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
  return editable ? renderEditor(el, record, config) : renderDossier(el, record);
}

// startedByMe tells whether the dossier's first step was this person's
// (the history names people as "Name (email, role)").
function startedByMe(r) {
  const first = Array.isArray(r.history) ? r.history[0] : null;
  return !!first && String(first.actor || '').includes(`(${auth.email},`);
}

// A dossier's summary at the top of its page.
function statePanel(r) {
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

// lastReturn is the last "returned" entry of the history, with its comment.
function lastReturn(r) {
  const hist = Array.isArray(r.history) ? r.history : [];
  for (let i = hist.length - 1; i >= 0; i--) if (hist[i].to === 'returned' && hist[i].from !== 'returned') return hist[i];
  return null;
}

function returnedNotice(r) {
  const ret = lastReturn(r);
  if (r.state !== 'returned' || !ret) return null;
  return h('div', { class: 'notice notice-warning returned-notice', role: 'note' },
    h('p', { class: 'notice-title' }, 'Phòng Văn hóa – Xã hội trả lại hồ sơ để bổ sung'),
    h('p', { class: 'pre' }, ret.comment || 'Không ghi ý kiến.'),
    h('p', { class: 'hint' }, `${shortActor(ret.actor || '')}, ${formatDateTime(ret.at)}.`,
      isReporter() ? ' Hãy bổ sung theo ý kiến trên, rồi bấm “Nộp lại hồ sơ”.' : ' Đang chờ đơn vị bổ sung và nộp lại.'));
}

// The history as a timeline, oldest first.
function timeline(r) {
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

// The dossier's files, each downloaded with a file token (the files are
// protected: PocketBase gives them to those who may read the dossier).
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

// The dossier as it was filed, read only.
function details(r) {
  const nominee = r.expand && r.expand.nominee;
  const inis = (r.expand && r.expand.initiatives) || [];
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
  rows.push(['Mô hình, sáng kiến', inis.length ? h('ul', { class: 'plain-list' }, inis.map((x) => h('li', {},
    can.decide() || isReporter() ? h('a', { href: `${BASE}mo-hinh-sang-kien/${x.id}` }, x.title) : x.title))) : (r.initiatives && r.initiatives.length ? `${r.initiatives.length} mục` : '—')]);
  rows.push(['Hồ sơ kèm theo', dossierList(r)]);
  return h('section', { 'aria-labelledby': 'noi-dung-ho-so' },
    h('h2', { id: 'noi-dung-ho-so' }, 'Nội dung hồ sơ'),
    h('dl', { class: 'readonly' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));
}

// decisionPanel shows the council's decision and, for reviewers, the way
// to the award it made.
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
    // The honoree first: the server publishes an award only with its
    // honoree published.
    for (const a of awards) {
      const ho = a.expand && a.expand.honoree;
      if (ho && ho.status !== 'published') {
        items.push(h('li', {},
          h('a', { href: `${BASE}guong-dien-hinh/${ho.id}` }, `Mở hồ sơ vinh danh của ${ho.name}`),
          ` (${label('status', ho.status).toLowerCase()}): xuất bản hồ sơ này trước.`));
      }
      items.push(h('li', {},
        h('a', { href: `${BASE}khen-thuong/${a.id}`, class: 'award-link' }, `Mở khen thưởng ${a.decisionNo || ''}`.trim()),
        ` (${label('status', a.status).toLowerCase()})`,
        a.status !== 'published' ? ': xuất bản để công bố trên trang vinh danh.' : '.'));
    }
    if (!awards.length && r.awards && r.awards.length) {
      for (const aid of r.awards) items.push(h('li', {}, h('a', { href: `${BASE}khen-thuong/${aid}`, class: 'award-link' }, 'Mở khen thưởng')));
    }
  }
  return h('div', { class: 'notice notice-success decision' },
    h('p', { class: 'notice-title' }, 'Hội đồng đã quyết định khen thưởng'),
    h('p', {}, `Quyết định số ${r.decisionNo || '—'}`, r.decisionDate ? ` ngày ${formatDate(r.decisionDate)}` : '',
      r.signer ? `, người ký: ${r.signer}` : '', `. Hình thức: ${form}.`),
    items.length ? h('ul', {}, items)
      : h('p', {}, isReviewer() ? '' : 'Khen thưởng sẽ có trên trang vinh danh khi Phòng Văn hóa – Xã hội xuất bản.'));
}

// ---------------------------------------------------------------- read only + reviewer's actions

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
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    statePanel(r),
    returnedNotice(r),
    decisionPanel(r),
    own && r.state === 'submitted' ? h('p', { class: 'notice notice-info' }, 'Hồ sơ đã nộp, đang chờ Phòng Văn hóa – Xã hội xem xét. Khi cần bổ sung, hồ sơ sẽ được trả lại kèm ý kiến.') : null,
    own && r.state === 'forwarded' ? h('p', { class: 'notice notice-info' }, 'Hồ sơ đã được trình Hội đồng Thi đua – Khen thưởng.') : null,
    summary,
    actions ? actions.el : null,
    details(r),
    timeline(r),
    isReviewer() ? deleteTool(r, summary) : null);
  if (actions && el.isConnected) setDirtyCheck(actions.dirty);
}

// actionPanel is what a reviewer may do with a dossier in its state.
function actionPanel(r, summary) {
  const st = r.state;
  if (!['submitted', 'forwarded', 'rejected'].includes(st)) {
    // A returned or decided dossier says so in its notices above.
    const text = { draft: 'Hồ sơ đang được đơn vị soạn, chưa nộp.' }[st];
    return text ? { el: h('p', { class: 'hint' }, text), dirty: () => false } : null;
  }
  const fields = {};
  const mk = (key, def, value) => {
    fields[key] = widget(def, value, { collection: 'nominations', record: r });
    return fields[key].el;
  };
  const comment = mk('comment', {
    name: 'comment', label: 'Ý kiến của Phòng Văn hóa – Xã hội', widget: 'textarea', rows: 4,
    hint: st === 'rejected' ? 'Không bắt buộc. Ý kiến được lưu vào quá trình xử lý hồ sơ.'
      : 'Bắt buộc khi trả lại hồ sơ: ghi rõ đơn vị cần bổ sung gì. Ý kiến được lưu vào quá trình xử lý, đơn vị xem được.',
  }, '');

  const buttons = [];
  const act = (action, text, cls) => buttons.push(h('button', { type: 'submit', class: cls, dataset: { action } }, text));
  let decision = null;
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

  const form = h('form', { class: 'action-panel', novalidate: true, onsubmit: (e) => { e.preventDefault(); send(e.submitter ? e.submitter.dataset.action : 'default'); } },
    h('h2', { id: 'xu-ly' }, st === 'forwarded' ? 'Ghi quyết định của Hội đồng' : 'Xử lý hồ sơ'),
    decision,
    comment,
    h('div', { class: 'actions' }, buttons));
  form.setAttribute('aria-labelledby', 'xu-ly');
  const keyOf = () => Object.values(fields).map((w) => w.key()).join('\u0001') + (outcome ? String(outcome.yes.checked) : '');
  const initial = keyOf();

  async function send(action) {
    summary.replaceChildren();
    for (const w of Object.values(fields)) w.setError('');
    if (outcome) setInvalid(null, outcome.err, '');
    if (action === 'default') action = st === 'forwarded' ? 'decide' : 'forwarded';
    const body = { comment: fields.comment.get() };
    const problems = [];
    let message;
    if (action === 'returned') {
      body.state = 'returned';
      if (!String(body.comment).trim()) {
        const msg = 'Hãy ghi rõ nội dung cần bổ sung khi trả lại hồ sơ.';
        fields.comment.setError(msg);
        problems.push({ href: '#' + fields.comment.focusId, text: `Ý kiến: ${msg}` });
      }
      message = 'Đã trả lại hồ sơ để đơn vị bổ sung.';
    } else if (action === 'forwarded') {
      body.state = 'forwarded';
      message = st === 'rejected' ? 'Đã trình lại Hội đồng.' : 'Đã trình hồ sơ lên Hội đồng Thi đua – Khen thưởng.';
    } else if (action === 'decide') {
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
          if (v && typeof v === 'object' && v.error) {
            fields[k].setError(v.error);
            problems.push({ href: '#' + fields[k].focusId, text: `${lbl}: ${v.error}` });
          } else if (!String(v || '').trim()) {
            fields[k].setError(msg);
            problems.push({ href: '#' + fields[k].focusId, text: `${lbl}: ${msg}` });
          } else {
            body[k] = v;
          }
        }
        if (fields.decidedForm.get()) body.decidedForm = fields.decidedForm.get();
        message = 'Đã ghi quyết định khen thưởng. Khen thưởng đã được tạo ở dạng bản nháp: hãy mở và xuất bản để công bố trên trang vinh danh.';
      }
    }
    if (problems.length) return show(problems);
    const btns = [...form.querySelectorAll('button[type=submit]')];
    btns.forEach((b) => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    try {
      await update('nominations', r.id, body);
    } catch (e) {
      btns.forEach((b) => { b.disabled = false; });
      form.removeAttribute('aria-busy');
      const items = [];
      for (const [field, info] of Object.entries(e.data || {})) {
        const msg = info && info.message ? info.message : String(info);
        if (fields[field]) {
          fields[field].setError(msg);
          items.push({ href: '#' + fields[field].focusId, text: msg });
        } else if (field === 'state' && outcome) {
          setInvalid(null, outcome.err, msg);
          items.push({ href: '#' + outcome.id, text: msg });
        } else {
          items.push({ text: msg });
        }
      }
      if (!items.length) items.push({ text: e.message });
      return show(items, e.status === 403 ? 'Không được phép' : 'Chưa ghi được');
    }
    setDirtyCheck(null);
    setFlash(message);
    navigate(`${listURL()}${r.id}`, { replace: true, force: true });
  }
  function show(items, title = 'Chưa ghi được: có lỗi cần sửa') {
    fill(summary, errorSummary(items, title));
    const box = summary.querySelector('.error-summary');
    box.scrollIntoView({ block: 'start' });
    box.focus();
  }
  return { el: form, dirty: () => keyOf() !== initial };
}

function deleteTool(r, summary) {
  return h('div', { class: 'tools' }, h('button', {
    type: 'button', class: 'btn btn-danger-quiet',
    onclick: async () => {
      const ok = await confirmDialog({
        title: 'Xóa hồ sơ đề nghị?',
        text: `Hồ sơ đề nghị khen thưởng cho “${nomineeName(r)}” và các tệp kèm theo sẽ bị xóa hẳn. Khen thưởng đã tạo từ hồ sơ (nếu có) vẫn giữ nguyên.`,
        confirm: 'Xóa hồ sơ', cancel: 'Không xóa', danger: true,
      });
      if (!ok) return;
      try {
        await remove('nominations', r.id);
      } catch (e) {
        fill(summary, errorSummary([{ text: e.message }], 'Chưa xóa được'));
        summary.querySelector('.error-summary').focus();
        return;
      }
      setFlash(`Đã xóa hồ sơ đề nghị cho “${nomineeName(r)}”.`);
      navigate(listURL(), { force: true });
    },
  }, 'Xóa hồ sơ'));
}

// ---------------------------------------------------------------- the form

function renderEditor(el, record, config) {
  const st = record ? record.state : 'new';
  const name = record ? nomineeName(record) : '';
  const heading = record ? 'Sửa hồ sơ đề nghị khen thưởng' : 'Lập hồ sơ đề nghị khen thưởng';
  setTitle(record ? `${heading}: ${name}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection: 'nominations', record, lockedUnit: isReporter() ? auth.unit : '' };
  const v = (k, d) => (record ? record[k] : d);
  const w = {};
  const add = (def, value) => { w[def.name] = widget(def, value, opts); return w[def.name].el; };

  // Who is nominated: someone on the honour roll, or someone new.
  const existing = record ? !!record.nominee : false;
  const mid = 'nominee-mode';
  const modeOld = h('input', { type: 'radio', name: mid, id: `${mid}-co`, value: 'old', checked: existing });
  const modeNew = h('input', { type: 'radio', name: mid, id: `${mid}-moi`, value: 'new', checked: !existing });
  const oldBox = h('div', { class: 'conditional', id: `${mid}-co-chi-tiet` },
    add({ name: 'nominee', label: 'Tập thể, cá nhân', widget: 'picker', target: 'honorees', hint: 'Gõ tên để tìm trong danh sách vinh danh, rồi bấm “Chọn”.' }, v('nominee', '')));
  const newBox = h('div', { class: 'conditional', id: `${mid}-moi-chi-tiet` },
    add({ name: 'nomineeName', label: 'Họ tên hoặc tên tập thể', widget: 'text' }, v('nomineeName', '')),
    add({ name: 'nomineeKind', label: 'Cá nhân hay tập thể', widget: 'select', vocab: 'honoreeKinds' }, v('nomineeKind', '')),
    add({ name: 'nomineePosition', label: 'Chức vụ, nơi công tác', widget: 'text', hint: 'Với cá nhân, ví dụ: Công chức Văn phòng – Thống kê.' }, v('nomineePosition', '')));
  modeOld.setAttribute('aria-controls', oldBox.id);
  modeNew.setAttribute('aria-controls', newBox.id);
  const syncMode = () => { oldBox.hidden = !modeOld.checked; newBox.hidden = !modeNew.checked; };
  modeOld.addEventListener('change', syncMode);
  modeNew.addEventListener('change', syncMode);
  syncMode();
  const nomineeErr = h('p', { id: `${mid}-error`, class: 'field-error', hidden: true });
  const nomineeSet = h('fieldset', { class: 'field', 'data-field': 'nominee', 'aria-describedby': `${mid}-error` },
    h('legend', {}, 'Tập thể, cá nhân được đề nghị', h('span', { class: 'req' }, ' (bắt buộc)')),
    nomineeErr,
    h('div', { class: 'radios' },
      h('div', { class: 'field-check' }, modeOld, h('label', { for: modeOld.id }, 'Đã có trong danh sách vinh danh của xã')),
      oldBox,
      h('div', { class: 'field-check' }, modeNew, h('label', { for: modeNew.id }, 'Người hoặc tập thể mới')),
      newBox));

  const deadlineBox = h('div', { class: 'deadline-slot', 'aria-live': 'polite' });
  const fieldsEl = [
    add({ name: 'unit', label: 'Đơn vị đề nghị', widget: 'unit', required: true, lockedHint: 'Đơn vị của bạn: cán bộ đầu mối lập hồ sơ cho đơn vị mình.' }, v('unit', isReporter() ? auth.unit : '')),
    h('div', { class: 'grid-2' },
      add({ name: 'year', label: 'Năm', widget: 'number', required: true, hint: 'Năm của thành tích được đề nghị.' }, v('year', openYear(config))),
      add({ name: 'kind', label: 'Loại khen thưởng', widget: 'select', vocab: 'awardKinds', required: true }, v('kind', 'hang-nam'))),
    deadlineBox,
    nomineeSet,
    add({ name: 'requestedForm', label: 'Hình thức khen thưởng đề nghị', widget: 'select', vocab: 'awardForms', required: true }, v('requestedForm', '')),
    add({ name: 'achievements', label: 'Thành tích', widget: 'textarea', required: true, rows: 7, hint: 'Thành tích cụ thể, có số liệu. Theo Kế hoạch, một thành tích chỉ được khen thưởng một lần, một hình thức.' }, v('achievements', '')),
    add({ name: 'initiatives', label: 'Mô hình, sáng kiến làm căn cứ', widget: 'picker', target: 'initiatives', hint: 'Không bắt buộc. Gõ tên để tìm, rồi bấm “Chọn”; chọn được nhiều mục.' }, v('initiatives', [])),
    add({ name: 'dossier', label: 'Hồ sơ kèm theo', widget: 'documents', hint: 'Tệp PDF, DOCX hoặc ảnh JPEG, PNG, WebP; mỗi tệp tối đa 10 MB, tối đa 10 tệp. Máy chủ kiểm tra cả nội dung tệp.' }, v('dossier', [])),
    add({ name: 'comment', label: 'Ghi chú gửi Phòng Văn hóa – Xã hội', widget: 'textarea', rows: 3, hint: st === 'returned' ? 'Không bắt buộc. Ví dụ: đã bổ sung những gì. Ghi chú được lưu vào quá trình xử lý hồ sơ.' : 'Không bắt buộc. Ghi chú được lưu vào quá trình xử lý hồ sơ.' }, ''),
  ];

  const yearInput = w.year.el.querySelector('input');
  const kindSelect = w.kind.el.querySelector('select');
  const drawDeadline = () => {
    const y = Number(String(yearInput.value).trim());
    if (!Number.isInteger(y) || y < 2000 || y > 2100) { deadlineBox.replaceChildren(); return; }
    fill(deadlineBox, deadlineNotice(config, y, kindSelect.value));
  };
  yearInput.addEventListener('input', drawDeadline);
  kindSelect.addEventListener('change', drawDeadline);
  drawDeadline();

  const actions = [];
  const act = (action, text, cls) => actions.push(h('button', { type: 'submit', class: cls, dataset: { action } }, text));
  if (st === 'returned') {
    act('submitted', 'Nộp lại hồ sơ', 'btn');
    act('keep', 'Lưu thay đổi', 'btn btn-secondary');
  } else {
    act('draft', 'Lưu bản nháp', 'btn btn-secondary');
    act('submitted', 'Nộp hồ sơ', 'btn');
  }

  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(e.submitter ? e.submitter.dataset.action : 'default'); } },
    fieldsEl,
    h('section', { class: 'workflow', 'aria-labelledby': 'luu-nop' },
      h('h2', { id: 'luu-nop' }, st === 'returned' ? 'Nộp lại hồ sơ' : 'Lưu và nộp hồ sơ'),
      h('p', {}, st === 'returned'
        ? 'Sau khi bổ sung, bấm “Nộp lại hồ sơ” để gửi lại Phòng Văn hóa – Xã hội.'
        : 'Lưu bản nháp để soạn tiếp sau. Khi hồ sơ đủ, bấm “Nộp hồ sơ” để gửi Phòng Văn hóa – Xã hội; hồ sơ đã nộp thì đơn vị không sửa được nữa, trừ khi được trả lại để bổ sung.'),
      h('div', { class: 'actions' }, actions)));

  const tools = record && st === 'draft' ? h('div', { class: 'tools' }, h('button', {
    type: 'button', class: 'btn btn-danger-quiet',
    onclick: async () => {
      const ok = await confirmDialog({
        title: 'Xóa bản nháp?', text: `Bản nháp hồ sơ đề nghị cho “${name}” và các tệp kèm theo sẽ bị xóa hẳn.`,
        confirm: 'Xóa bản nháp', cancel: 'Không xóa', danger: true,
      });
      if (!ok) return;
      try {
        await remove('nominations', record.id);
      } catch (e) {
        fill(summary, errorSummary([{ text: e.message }], 'Chưa xóa được'));
        summary.querySelector('.error-summary').focus();
        return;
      }
      setDirtyCheck(null);
      setFlash('Đã xóa bản nháp hồ sơ đề nghị.');
      navigate(listURL(), { force: true });
    },
  }, 'Xóa bản nháp')) : null;

  fill(el,
    crumbs(BASE, { href: listURL(), text: TITLE }, { text: record ? name : 'Lập hồ sơ' }),
    h('h1', {}, heading, record ? h('span', { class: 'h1-sub' }, name) : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    record ? statePanel(record) : null,
    record ? returnedNotice(record) : null,
    tools,
    summary,
    h('p', { class: 'hint' }, 'Các trường có ghi “(bắt buộc)” phải điền trước khi nộp.'),
    form,
    record ? timeline(record) : null);

  const keyOf = () => Object.values(w).map((x) => x.key()).join('\u0001') + String(modeOld.checked);
  let initial = keyOf();
  const dirty = () => keyOf() !== initial;
  if (el.isConnected) setDirtyCheck(dirty);

  async function save(action) {
    summary.replaceChildren();
    for (const x of Object.values(w)) x.setError('');
    setInvalid(null, nomineeErr, '');
    const values = {};
    const problems = [];
    for (const [k, x] of Object.entries(w)) {
      if (k === 'nominee' || k === 'nomineeName' || k === 'nomineeKind' || k === 'nomineePosition') continue;
      const val = x.get();
      if (val && typeof val === 'object' && !Array.isArray(val) && val.error) {
        x.setError(val.error);
        problems.push({ href: '#' + x.focusId, text: `${labelOf(k)}: ${val.error}` });
        continue;
      }
      if (val === undefined) continue;
      if (val && typeof val === 'object' && !Array.isArray(val)) {
        if (val.remove) values[`${k}-`] = val.remove;
        continue;
      }
      values[k] = val;
    }
    if (modeOld.checked) {
      values.nominee = w.nominee.get();
      values.nomineeName = '';
      values.nomineeKind = '';
      values.nomineePosition = '';
    } else {
      values.nominee = '';
      values.nomineeName = w.nomineeName.get();
      values.nomineeKind = w.nomineeKind.get();
      values.nomineePosition = w.nomineePosition.get();
    }
    if (action === 'default') action = st === 'returned' ? 'keep' : 'draft';
    values.state = action === 'submitted' ? 'submitted' : st === 'returned' ? 'returned' : 'draft';

    // What the server would refuse anyway, said at once and all together.
    const need = (k, ok, msg, href) => {
      if (ok) return;
      if (w[k]) w[k].setError(msg);
      problems.push({ href: href || '#' + w[k].focusId, text: msg });
    };
    need('unit', !!values.unit, 'Hãy chọn đơn vị đề nghị.');
    need('kind', !!values.kind, 'Hãy chọn loại khen thưởng.');
    if (modeOld.checked) {
      need('nominee', !!values.nominee, 'Hãy tìm và chọn tập thể, cá nhân trong danh sách vinh danh, hoặc chọn “Người hoặc tập thể mới”.');
    } else {
      need('nomineeName', !!String(values.nomineeName).trim(), 'Hãy ghi họ tên hoặc tên tập thể được đề nghị.');
      need('nomineeKind', !!values.nomineeKind, 'Hãy chọn cá nhân hay tập thể.');
    }
    if (values.state === 'submitted') {
      need('year', values.year !== null && values.year !== undefined && values.year !== '', 'Hãy ghi năm, ví dụ ' + vnYear() + '.');
      need('requestedForm', !!values.requestedForm, 'Hãy chọn hình thức khen thưởng đề nghị.');
      need('achievements', !!String(values.achievements || '').trim(), 'Hãy ghi thành tích được đề nghị khen thưởng.');
    }
    if (problems.length) return show(sortByForm(problems));

    let body = values;
    if (w.dossier.filesPending()) {
      body = new FormData();
      body.append('@jsonPayload', JSON.stringify(values));
      w.dossier.addFiles(body);
    }
    const buttons = [...form.querySelectorAll('button[type=submit]')];
    buttons.forEach((b) => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    let saved;
    try {
      saved = record ? await update('nominations', record.id, body) : await create('nominations', body);
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      form.removeAttribute('aria-busy');
      return showServerError(e);
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(values.state === 'submitted'
      ? (st === 'returned' ? 'Đã nộp lại hồ sơ. Phòng Văn hóa – Xã hội sẽ xem xét tiếp.'
        : isReviewer() ? 'Đã nộp hồ sơ. Hồ sơ đang chờ xem xét.' : 'Đã nộp hồ sơ. Phòng Văn hóa – Xã hội sẽ xem xét và báo lại.')
      : st === 'returned' ? 'Đã lưu thay đổi. Hồ sơ chưa được nộp lại.' : 'Đã lưu bản nháp.');
    navigate(`${listURL()}${saved.id}`, { replace: !!record, force: true });
  }

  function labelOf(k) {
    const x = w[k];
    const l = x && x.el.querySelector('label, legend');
    return l ? l.firstChild.textContent : k;
  }

  function sortByForm(items) {
    const order = (it) => {
      const target = it.href ? document.getElementById(it.href.slice(1)) : null;
      if (!target) return 1e9;
      const all = [...form.querySelectorAll('input, select, textarea, button')];
      const i = all.indexOf(target);
      return i < 0 ? 1e9 : i;
    };
    return items.sort((a, b) => order(a) - order(b));
  }

  function show(items, title = 'Chưa lưu được: có lỗi cần sửa') {
    fill(summary, errorSummary(items, title));
    const box = summary.querySelector('.error-summary');
    box.scrollIntoView({ block: 'start' });
    box.focus();
  }

  function showServerError(e) {
    const items = [];
    for (const [field, info] of Object.entries(e.data || {})) {
      const msg = info && info.message ? info.message : String(info);
      let key = field.replace(/[+-]$/, '');
      if (key === 'nomineeName' && modeOld.checked) key = 'nominee';
      if (w[key]) {
        w[key].setError(msg);
        items.push({ href: '#' + w[key].focusId, text: `${labelOf(key)}: ${msg}` });
      } else {
        items.push({ text: msg });
      }
    }
    if (!items.length) {
      items.push({ text: e.status === 401
        ? 'Phiên đăng nhập đã hết hạn. Nội dung bạn nhập vẫn còn trên trang: hãy đăng nhập lại trong thẻ mới, rồi quay lại đây bấm lưu.'
        : e.message });
    }
    show(sortByForm(items), e.status === 403 ? 'Không được phép' : e.status === 401 ? 'Cần đăng nhập lại' : 'Chưa lưu được: có lỗi cần sửa');
    const box = summary.querySelector('.error-summary');
    if (e.status === 401) box.append(h('p', {}, h('a', { href: BASE + 'dang-nhap', target: '_blank', rel: 'noopener' }, 'Mở trang đăng nhập (thẻ mới)')));
    if (e.status === 403 && record) {
      box.append(h('p', {}, 'Có thể hồ sơ vừa được nộp hoặc chuyển trạng thái. Nội dung bạn nhập vẫn còn trên trang; ',
        h('a', { href: `${listURL()}${record.id}`, target: '_blank', rel: 'noopener' }, 'mở bản mới nhất trong thẻ mới'), ' để xem.'));
    }
  }
}

// deadlineNotice explains the yearly deadline of year for the kind chosen:
// before it, the date; after it, that yearly dossiers are closed (a unit's
// reporter may keep a draft, only reviewers file) while ad hoc ones stay
// open.
export function deadlineNotice(config, year, kind) {
  const d = deadline(config, year);
  if (kind !== 'hang-nam') {
    return kind === 'dot-xuat'
      ? h('p', { class: 'notice notice-info deadline' }, 'Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào.')
      : null;
  }
  if (!d.closed) {
    return h('p', { class: 'notice notice-info deadline' },
      `Hạn nộp hồ sơ khen thưởng hằng năm năm ${year}: hết ngày ${d.text}`,
      d.days <= 60 ? ` (còn ${formatNumber(Math.max(d.days, 0))} ngày).` : '.');
  }
  return h('div', { class: 'notice notice-warning deadline deadline-closed' },
    h('p', { class: 'notice-title' }, `Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm ${year} (hạn cuối ${d.text}).`),
    h('p', {}, isReviewer()
      ? 'Sau thời hạn này, chỉ Phòng Văn hóa – Xã hội bổ sung hồ sơ: bạn vẫn nộp được.'
      : 'Đơn vị vẫn lưu được bản nháp nhưng không nộp được nữa; sau thời hạn này chỉ Phòng Văn hóa – Xã hội bổ sung hồ sơ. Hồ sơ khen thưởng đột xuất vẫn nộp được bất cứ lúc nào.'));
}

