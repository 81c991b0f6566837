// A record's form: its fields, its state and the workflow actions the
// person's role allows (save a draft, send for review, publish now,
// schedule, archive), the preview in the real theme, the history and
// deletion. A failed save keeps everything as typed and says what is wrong
// beside each field and in a summary at the top.

import { view, create, update, remove, request, fileURL, list } from '../api.js';
import { h, fill, formatDateTime, parsePB, toPB, parseVNDate, dateInputValue, timeInputValue, q } from '../util.js';
import { collections, titleOf, label, statusText, statusClass, fieldLabel } from '../schema.js';
import { canCreate, canEdit, canDelete, statuses, lockedUnit } from '../roles.js';
import { widget } from '../forms/widget.js';
import { errorSummary, setInvalid } from '../forms/field.js';
import { BASE, navigate, setTitle, setDirtyCheck, setFlash, takeFlash } from '../nav.js';
import { confirmDialog, modal } from '../dialog.js';
import { shortActor } from '../components/actor.js';

function expandFor(collection) {
  return collections[collection].fields
    .filter((f) => f.widget === 'picker' || f.widget === 'unit')
    .map((f) => f.name).join(',');
}

export async function renderForm(el, { collection, id }) {
  const c = collections[collection];
  const listURL = BASE + c.path + '/';
  let record = null;
  if (id) {
    try {
      record = await view(collection, id, { expand: expandFor(collection) });
    } catch (e) {
      if (e.status === 404 || e.status === 403) {
        setTitle('Không tìm thấy');
        fill(el, crumbs(c, 'Không tìm thấy'), h('h1', {}, 'Không tìm thấy bản ghi'),
          h('p', {}, 'Bản ghi này không tồn tại, đã bị xóa, hoặc bạn không có quyền xem.'),
          h('p', {}, h('a', { href: listURL }, `Về danh sách ${c.title.toLowerCase()}`)));
        return;
      }
      throw e;
    }
  } else if (!canCreate(collection)) {
    setTitle('Không có quyền');
    fill(el, crumbs(c, 'Thêm mới'), h('h1', {}, 'Bạn không thể thêm ' + c.one),
      h('p', {}, 'Vai trò của bạn không được tạo mục này. Liên hệ Phòng Văn hóa – Xã hội nếu cần.'),
      h('p', {}, h('a', { href: listURL }, `Về danh sách ${c.title.toLowerCase()}`)));
    return;
  }

  const name = record ? titleOf(collection, record) : '';
  if (record && !canEdit(collection, record)) return renderReadOnly(el, c, collection, record);

  const heading = record ? `Sửa ${c.one}` : c.newLabel;
  setTitle(record ? `${heading}: ${name}` : heading);
  const flash = takeFlash();
  const summary = h('div', { class: 'summary-slot' });
  const opts = { collection, record, lockedUnit: lockedUnit(collection) };
  const widgets = c.fields.map((def) => ({ def, w: widget(def, record ? record[def.name] : defaultValue(collection, def), opts) }));

  // ---- workflow
  const allowed = statuses(collection);
  const st = record ? record.status : 'new';
  const future = record && record.status === 'published' && parsePB(record.publishAt) > new Date();
  const live = record && record.status === 'published' && !future;
  const schedDate = h('input', { id: 'schedule-date', type: 'text', inputmode: 'numeric', class: 'input-date', autocomplete: 'off', placeholder: 'dd/mm/yyyy', 'aria-describedby': 'schedule-hint schedule-error' });
  const schedTime = h('input', { id: 'schedule-time', type: 'text', inputmode: 'numeric', class: 'input-time', autocomplete: 'off', placeholder: 'HH:mm', 'aria-describedby': 'schedule-hint schedule-error' });
  if (future) {
    schedDate.value = dateInputValue(record.publishAt);
    schedTime.value = timeInputValue(record.publishAt);
  }
  const schedErr = h('p', { id: 'schedule-error', class: 'field-error', hidden: true });
  // Enter in the date or time schedules, rather than saving a draft.
  for (const input of [schedDate, schedTime]) {
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const btn = form.querySelector('button[data-action="schedule"]');
      if (btn) form.requestSubmit(btn);
    });
  }
  const actions = [];
  const act = (action, text, cls = 'btn btn-secondary') => actions.push(h('button', { type: 'submit', class: cls, dataset: { action } }, text));
  if (st === 'new' || st === 'draft') {
    act('draft', 'Lưu bản nháp', 'btn');
    if (allowed.includes('review')) act('review', 'Gửi duyệt');
  } else {
    act('keep', live ? 'Lưu thay đổi (cập nhật trang)' : 'Lưu thay đổi', 'btn');
    if (st === 'review' || st === 'published' || st === 'archived') act('draft', live ? 'Gỡ xuống, chuyển về bản nháp' : future ? 'Hủy hẹn giờ, chuyển về bản nháp' : 'Chuyển về bản nháp');
  }
  if (allowed.includes('published') && !live) act('publish', st === 'archived' ? 'Xuất bản lại ngay' : 'Xuất bản ngay', 'btn btn-publish');
  if (allowed.includes('archived') && record && st !== 'archived') act('archive', 'Lưu trữ (gỡ khỏi trang)', 'btn btn-secondary');

  const scheduleBox = allowed.includes('published') && !live ? h('fieldset', { class: 'field schedule', id: 'schedule', 'data-field': 'publishAt' },
    h('legend', {}, future ? 'Đổi giờ xuất bản' : 'Hẹn giờ xuất bản'),
    h('p', { class: 'hint', id: 'schedule-hint' }, 'Trang tự xuất hiện trên trang công khai vào thời điểm này (giờ Việt Nam), không cần ai lưu lại. Giờ theo dạng giờ:phút, ví dụ 07:30.'),
    schedErr,
    h('div', { class: 'inline' },
      h('div', { class: 'field field-compact' }, h('label', { for: 'schedule-date' }, 'Ngày'), schedDate),
      h('div', { class: 'field field-compact' }, h('label', { for: 'schedule-time' }, 'Giờ'), schedTime),
      h('button', { type: 'submit', class: 'btn btn-secondary', dataset: { action: 'schedule' } }, future ? 'Đổi giờ xuất bản' : 'Hẹn giờ xuất bản'))) : null;

  const form = h('form', { class: 'record-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(e.submitter ? e.submitter.dataset.action : 'default'); } },
    widgets.map((x) => x.w.el),
    h('section', { class: 'workflow', 'aria-labelledby': 'workflow-title' },
      h('h2', { id: 'workflow-title' }, 'Lưu và xuất bản'),
      h('p', {}, workflowText(collection, record, allowed)),
      h('div', { class: 'actions' }, actions),
      scheduleBox));

  const tools = record ? h('div', { class: 'tools' },
    c.site ? h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => openPreview(collection, record, dirty()) }, 'Xem trước') : null,
    h('a', { class: 'btn btn-secondary', href: `${BASE}${c.path}/${record.id}/lich-su` }, 'Lịch sử thay đổi'),
    canDelete(collection, record) ? h('button', { type: 'button', class: 'btn btn-danger-quiet', onclick: onDelete }, 'Xóa') : null) : null;

  const related = record ? await relatedNotice(collection, record) : null;

  fill(el,
    crumbs(c, record ? name : c.newLabel),
    h('h1', {}, heading, record ? h('span', { class: 'h1-sub' }, name) : null),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    record ? statePanel(collection, record) : null,
    related,
    tools,
    summary,
    h('p', { class: 'hint' }, 'Các trường có ghi “(bắt buộc)” phải điền.'),
    form);

  const keyOf = () => widgets.map((x) => x.w.key()).join('\u0001') + '\u0001' + schedDate.value + schedTime.value;
  let initial = keyOf();
  const dirty = () => keyOf() !== initial;
  if (el.isConnected) setDirtyCheck(dirty);

  async function save(action) {
    summary.replaceChildren();
    for (const x of widgets) x.w.setError('');
    setInvalid(schedDate, schedErr, '');
    schedTime.removeAttribute('aria-invalid');
    const problems = [];
    const values = {};
    for (const { def, w } of widgets) {
      const v = w.get();
      if (v && typeof v === 'object' && !Array.isArray(v) && v.error) {
        w.setError(v.error);
        problems.push({ href: '#' + w.focusId, text: `${def.label}: ${v.error}` });
        continue;
      }
      if (v === undefined) continue;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        if (v.remove) values[def.name + '-'] = v.remove;
        if (v.clear) values[def.name] = '';
        continue;
      }
      values[def.name] = v;
    }
    // The state to save.
    const nowPB = toPB(new Date());
    let message = 'Đã lưu thay đổi.';
    switch (action) {
      case 'default':
      case 'keep':
        values.status = st === 'new' ? 'draft' : st;
        message = st === 'new' || st === 'draft' ? 'Đã lưu bản nháp.' : 'Đã lưu thay đổi.';
        if (live) message += ' Trang công khai sẽ được cập nhật sau vài giây.';
        break;
      case 'draft':
        values.status = 'draft';
        message = st === 'new' || st === 'draft' ? 'Đã lưu bản nháp.' : 'Đã chuyển về bản nháp.' + (live ? ' Trang sẽ được gỡ khỏi trang công khai ở lần dựng tới.' : '');
        if (future) values.publishAt = '';
        break;
      case 'review':
        values.status = 'review';
        message = 'Đã gửi duyệt. Cán bộ thẩm định sẽ xem và xuất bản.';
        break;
      case 'publish':
        values.status = 'published';
        if (future) values.publishAt = nowPB;
        message = 'Đã xuất bản. Trang sẽ có trên trang công khai sau vài giây.';
        break;
      case 'archive':
        values.status = 'archived';
        message = 'Đã chuyển vào lưu trữ. Trang sẽ được gỡ khỏi trang công khai ở lần dựng tới.';
        break;
      case 'schedule': {
        let msg = '';
        if (!schedDate.value.trim()) msg = 'Hãy nhập ngày xuất bản, ví dụ 25/11/2026.';
        else if (!schedTime.value.trim()) msg = 'Hãy nhập giờ xuất bản, ví dụ 07:30.';
        let when = null;
        if (!msg) {
          const r = parseVNDate(schedDate.value, schedTime.value);
          if (r.error) msg = r.error;
          else if (r.date <= new Date()) msg = 'Thời điểm hẹn giờ phải ở tương lai. Muốn đăng ngay thì bấm “Xuất bản ngay”.';
          else when = r.date;
        }
        if (msg) {
          setInvalid(schedDate, schedErr, msg);
          schedTime.setAttribute('aria-invalid', 'true');
          problems.push({ href: '#schedule-date', text: `Hẹn giờ xuất bản: ${msg}` });
          break;
        }
        values.status = 'published';
        values.publishAt = toPB(when);
        message = `Đã hẹn giờ xuất bản lúc ${formatDateTime(when)}. Trang sẽ tự xuất hiện trên trang công khai vào lúc đó.`;
        break;
      }
      default:
        values.status = st === 'new' ? 'draft' : st;
    }
    if (problems.length) return showProblems(problems);

    let body = values;
    if (widgets.some((x) => x.w.filesPending && x.w.filesPending())) {
      body = new FormData();
      body.append('@jsonPayload', JSON.stringify(values));
      for (const x of widgets) if (x.w.addFiles) x.w.addFiles(body);
    }
    const buttons = [...form.querySelectorAll('button[type=submit]')];
    buttons.forEach((b) => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    let saved;
    try {
      saved = record ? await update(collection, record.id, body) : await create(collection, body);
    } catch (e) {
      buttons.forEach((b) => { b.disabled = false; });
      form.removeAttribute('aria-busy');
      return showServerError(e);
    }
    initial = keyOf();
    setDirtyCheck(null);
    setFlash(message);
    navigate(`${BASE}${c.path}/${saved.id}`, { replace: !record ? false : true, force: true });
  }

  function showProblems(items, title) {
    fill(summary, errorSummary(items, title || 'Chưa lưu được: có lỗi cần sửa'));
    const box = summary.querySelector('.error-summary');
    box.scrollIntoView({ block: 'start' });
    box.focus();
  }

  function showServerError(e) {
    const items = [];
    const data = e.data || {};
    for (const [field, info] of Object.entries(data)) {
      const message = info && info.message ? info.message : String(info);
      const x = widgets.find((y) => y.def.name === field || y.def.name + '+' === field || y.def.name + '-' === field);
      if (x) {
        x.w.setError(message);
        items.push({ href: '#' + x.w.focusId, text: `${x.def.label}: ${message}` });
      } else if ((field === 'publishAt' || field === 'status') && scheduleBox) {
        setInvalid(schedDate, schedErr, message);
        items.push({ href: '#schedule-date', text: `${fieldLabel(collection, field)}: ${message}` });
      } else {
        items.push({ text: `${fieldLabel(collection, field)}: ${message}` });
      }
    }
    const order = (it) => {
      const i = widgets.findIndex((x) => it.href === '#' + x.w.focusId);
      return i < 0 ? widgets.length : i;
    };
    items.sort((a, b) => order(a) - order(b));
    if (!items.length) {
      items.push({ text: e.status === 401
        ? 'Phiên đăng nhập đã hết hạn. Nội dung bạn nhập vẫn còn trên trang: hãy đăng nhập lại trong thẻ mới, rồi quay lại đây bấm lưu.'
        : e.message });
    }
    const title = e.status === 403 ? 'Không được phép' : e.status === 401 ? 'Cần đăng nhập lại' : 'Chưa lưu được: có lỗi cần sửa';
    fill(summary, errorSummary(items, title));
    if (e.status === 401) {
      summary.querySelector('.error-summary').append(h('p', {}, h('a', { href: BASE + 'dang-nhap', target: '_blank', rel: 'noopener' }, 'Mở trang đăng nhập (thẻ mới)')));
    }
    if (e.status === 403 && record) {
      summary.querySelector('.error-summary').append(h('p', {},
        'Có thể người khác vừa chuyển trạng thái bản ghi này. Nội dung bạn nhập vẫn còn trên trang; ',
        h('a', { href: `${BASE}${c.path}/${record.id}`, target: '_blank', rel: 'noopener' }, 'mở bản mới nhất trong thẻ mới'),
        ' để xem.'));
    }
    const box = summary.querySelector('.error-summary');
    box.scrollIntoView({ block: 'start' });
    box.focus();
  }

  async function onDelete() {
    const ok = await confirmDialog({
      title: `Xóa ${c.one}?`,
      text: `“${name}” sẽ bị xóa hẳn và gỡ khỏi trang công khai. Phiên bản cuối cùng vẫn được giữ trong lịch sử, nhưng không khôi phục được từ trang quản trị.`,
      confirm: 'Xóa', cancel: 'Không xóa', danger: true,
    });
    if (!ok) return;
    try {
      await remove(collection, record.id);
    } catch (e) {
      fill(summary, errorSummary([{ text: e.message }], e.status === 403 ? 'Không được phép xóa' : 'Chưa xóa được'));
      summary.querySelector('.error-summary').focus();
      return;
    }
    setFlash(`Đã xóa “${name}”.`);
    navigate(listURL, { force: true });
  }

  return () => { for (const x of widgets) if (x.w.destroy) x.w.destroy(); };
}

// relatedNotice tells a reviewer what else publishing this record needs:
// an award shows on the honour roll only with its honoree published (the
// server refuses to publish an award whose honoree is not), and an award
// made by the council's decision links back to its nomination.
async function relatedNotice(collection, r) {
  try {
    if (collection === 'awards') {
      const items = [];
      const ho = r.expand && r.expand.honoree;
      if (ho && ho.status !== 'published') {
        items.push(h('p', {}, `“${ho.name}” chưa được xuất bản (${statusText(ho).toLowerCase()}). Hãy `,
          h('a', { href: `${BASE}guong-dien-hinh/${ho.id}` }, 'mở hồ sơ vinh danh của người, tập thể này'),
          ' và xuất bản trước, rồi xuất bản khen thưởng để khen thưởng hiện trên trang vinh danh.'));
      }
      const noms = await list('nominations', { filter: `awards ~ ${q(r.id)}`, perPage: 1, fields: 'id,year' }).catch(() => ({ items: [] }));
      if (noms.items[0]) {
        items.push(h('p', {}, 'Khen thưởng này được tạo từ quyết định của Hội đồng về ',
          h('a', { href: `${BASE}ho-so-khen-thuong/${noms.items[0].id}` }, 'hồ sơ đề nghị khen thưởng'), '.'));
      }
      if (!items.length) return null;
      return h('div', { class: `notice ${ho && ho.status !== 'published' ? 'notice-warning' : 'notice-info'} related-notice` }, items);
    }
    if (collection === 'honorees') {
      const res = await list('awards', { filter: `honoree = ${q(r.id)} && status != 'published' && status != 'archived'`, perPage: 10, fields: 'id,year,form,decisionNo,status' });
      if (!res.items.length) return null;
      return h('div', { class: 'notice notice-info related-notice' },
        h('p', { class: 'notice-title' }, `${r.name} có ${res.totalItems} khen thưởng chưa xuất bản:`),
        h('ul', {}, res.items.map((a) => h('li', {}, h('a', { href: `${BASE}khen-thuong/${a.id}` },
          [label('awardForms', a.form), a.year, a.decisionNo].filter(Boolean).join(' – ')), ` (${label('status', a.status).toLowerCase()})`))),
        r.status !== 'published' ? h('p', {}, 'Xuất bản hồ sơ này trước, rồi mở và xuất bản các khen thưởng.') : null);
    }
  } catch { /* a notice only */ }
  return null;
}

function defaultValue(collection, def) {
  if (def.name === 'year' || def.name === 'yearApplied') return new Date().getFullYear();
  if (collection === 'indicators' && def.name === 'quarter') return Math.floor(new Date().getMonth() / 3) + 1;
  return null;
}

function workflowText(collection, record, allowed) {
  if (!allowed.includes('published')) {
    return collection === 'initiatives'
      ? 'Bạn lưu bản nháp hoặc gửi duyệt; cán bộ thẩm định Phòng Văn hóa – Xã hội sẽ xem và xuất bản.'
      : 'Bạn lưu bản nháp hoặc gửi duyệt.';
  }
  if (!record) return 'Lưu bản nháp để viết tiếp sau, gửi duyệt để người khác xem lại, hoặc xuất bản ngay hay hẹn giờ.';
  return `Trạng thái hiện tại: ${statusText(record)}.`;
}

function crumbs(c, current) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Vị trí' }, h('ol', {},
    h('li', {}, h('a', { href: BASE }, 'Tổng quan')),
    h('li', {}, h('a', { href: BASE + c.path + '/' }, c.title)),
    h('li', { 'aria-current': 'page' }, current)));
}

// statePanel says where a record stands: state, publication time, who
// moved it, who saved it last, and its public address when live.
function statePanel(collection, r) {
  const c = collections[collection];
  const future = r.status === 'published' && parsePB(r.publishAt) > new Date();
  const live = r.status === 'published' && !future;
  const rows = [
    ['Trạng thái', h('span', { class: `badge badge-${statusClass(r)}` }, statusText(r))],
  ];
  if (r.publishAt) rows.push([future ? 'Sẽ xuất bản lúc' : 'Thời điểm xuất bản', formatDateTime(r.publishAt)]);
  if (r.statusBy) rows.push(['Chuyển trạng thái', `${shortActor(r.statusBy)}${r.statusAt ? ', ' + formatDateTime(r.statusAt) : ''}`]);
  if (r.updatedBy || r.updated) rows.push(['Sửa lần cuối', [r.updatedBy ? shortActor(r.updatedBy) : '', formatDateTime(r.updated)].filter(Boolean).join(', ')]);
  if (c.site && r.slug) {
    const path = `/${c.site}/${r.slug}/`;
    rows.push(['Trang công khai', live
      ? h('a', { href: path, target: '_blank', rel: 'noopener' }, path, h('span', { class: 'visually-hidden' }, ' (mở thẻ mới)'))
      : h('span', {}, path, h('span', { class: 'muted' }, ' (chưa có trên trang công khai)'))]);
  }
  if (r.shortCode) rows.push(['Liên kết ngắn', `/l/${r.shortCode}/`]);
  return h('dl', { class: 'state' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

// openPreview shows the record as it would be published, rendered by the
// server in the real theme, in a sandboxed frame (no script runs in it).
export async function openPreview(collection, record, dirty) {
  const frame = h('iframe', { class: 'preview-frame', sandbox: '', title: `Xem trước: ${titleOf(collection, record)}`, referrerpolicy: 'no-referrer' });
  const note = h('p', { class: 'hint', role: 'status' }, 'Đang tạo bản xem trước…');
  const content = h('div', { class: 'preview-body' },
    dirty ? h('div', { class: 'notice notice-warning' }, 'Bản xem trước cho thấy nội dung đã lưu. Bạn có thay đổi chưa lưu: hãy lưu rồi xem lại.') : null,
    note, frame);
  modal({ title: `Xem trước: ${titleOf(collection, record)}`, content });
  try {
    const res = await request('GET', `/api/portal/preview/${collection}/${encodeURIComponent(record.id)}`, undefined, { raw: true });
    frame.srcdoc = await res.text();
    note.textContent = 'Trang hiển thị như khi được xuất bản. Các liên kết trong bản xem trước không mở được.';
  } catch (e) {
    note.textContent = e.status === 404 ? 'Chưa xem trước được: máy chủ chưa có chức năng xem trước cho mục này.' : `Chưa xem trước được: ${e.message}`;
    note.classList.add('field-error');
    frame.remove();
  }
}

// renderReadOnly shows a record this person may read but not change.
function renderReadOnly(el, c, collection, r) {
  const name = titleOf(collection, r);
  setTitle(name);
  const flash = takeFlash();
  const rows = c.fields.map((def) => {
    let v = r[def.name];
    let out;
    if (def.widget === 'image') {
      const names = Array.isArray(v) ? v : v ? [v] : [];
      out = names.length ? h('ul', { class: 'gallery' }, names.map((n) => h('li', { class: 'thumb' }, h('img', { src: fileURL(r, n, '320x0'), alt: `Ảnh: ${n}` })))) : '—';
    } else if (def.widget === 'select') {
      out = v ? label(def.vocab, v) : '—';
    } else if (def.widget === 'bool') {
      out = v ? 'Có' : 'Không';
    } else if (def.widget === 'date') {
      out = formatDateTime(v).slice(0, 10) || '—';
    } else if (def.widget === 'unit' || def.widget === 'picker') {
      const ex = r.expand && r.expand[def.name];
      out = ex ? [].concat(ex).map((x) => titleOf(def.target || 'units', x)).join(', ') : (v && v.length ? String(v) : '—');
    } else if (def.widget === 'tags') {
      out = Array.isArray(v) && v.length ? v.join(', ') : '—';
    } else if (def.widget === 'steps') {
      out = Array.isArray(v) && v.length ? h('ol', {}, v.map((s) => h('li', {}, s.title))) : '—';
    } else {
      out = v === null || v === undefined || v === '' ? '—' : h('div', { class: 'pre' }, String(v));
    }
    return h('div', {}, h('dt', {}, def.label), h('dd', {}, out));
  });
  fill(el,
    crumbs(c, name),
    h('h1', {}, name),
    flash ? h('div', { class: `notice notice-${flash.kind}`, role: 'status' }, flash.text) : null,
    h('div', { class: 'notice notice-info' }, 'Bạn chỉ được xem mục này: vai trò của bạn không được sửa nó ở trạng thái hiện tại.'),
    statePanel(collection, r),
    h('div', { class: 'tools' },
      c.site ? h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => openPreview(collection, r, false) }, 'Xem trước') : null,
      h('a', { class: 'btn btn-secondary', href: `${BASE}${c.path}/${r.id}/lich-su` }, 'Lịch sử thay đổi')),
    h('dl', { class: 'readonly' }, rows));
}
