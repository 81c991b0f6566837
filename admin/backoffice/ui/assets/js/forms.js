// Form fields, each a small widget with the same shape:
//
//   el        the field's block: label, hint, error message, control
//   focusId   the id the error summary links to
//   get()     the value to send ({error} if what was typed cannot be read)
//   key()     a string that changes when the value changes (unsaved changes)
//   setError(message)
//   addFiles(formData), filesPending()   only for uploads
//
// Messages beside a field follow the GOV.UK pattern: the message sits
// between the label and the control, the control gets aria-invalid and
// aria-describedby names the hint and the message.

import { h, fill, uid, debounce, formatBytes, toPB, dateInputValue, parseVNDate, parseNumber, q, displayFileName, asciiFileName } from './util.js';
import { request, list, fileURL, downloadProtected } from './api.js';
import { vocab, fieldMeta, titleOf, collections } from './schema.js';

// errorSummary lists the problems of a form at its top, each linking to
// its field; it takes focus so screen readers read it at once.
// downloadButton is a "Tải về" button for a protected file of record; it
// tells its progress in status, and its failure to fail (status if none).
export function downloadButton(record, name, status, fail) {
  const shown = displayFileName(name);
  const btn = h('button', {
    type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `Tải về ${shown}`,
    onclick: async () => {
      btn.disabled = true;
      status.textContent = `Đang tải ${shown}…`;
      try {
        await downloadProtected(record, name, shown);
        status.textContent = `Đã tải ${shown}.`;
      } catch (e) {
        const msg = `Không tải được “${shown}”: ${e.message}`;
        if (fail) fail(msg); else status.textContent = msg;
      }
      btn.disabled = false;
    },
  }, 'Tải về');
  return btn;
}

export function errorSummary(items, title = 'Có lỗi cần sửa') {
  const id = uid('error-summary');
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': id },
    h('h2', { id, class: 'error-summary-title' }, title),
    h('ul', { class: 'error-summary-list' }, items.map((it) => h('li', {},
      it.href ? h('a', {
        href: it.href,
        onclick: (e) => {
          const target = document.getElementById(it.href.slice(1));
          if (target) {
            e.preventDefault();
            target.scrollIntoView({ block: 'center' });
            target.focus();
          }
        },
      }, it.text) : it.text))));
}

// setInvalid shows or clears the message of a control.
export function setInvalid(input, box, message) {
  if (message) {
    fill(box, h('span', { class: 'visually-hidden' }, 'Lỗi: '), message);
    box.hidden = false;
    if (input) input.setAttribute('aria-invalid', 'true');
  } else {
    box.replaceChildren();
    box.hidden = true;
    if (input) input.removeAttribute('aria-invalid');
  }
  const field = box.closest('.field');
  if (field) field.classList.toggle('field-has-error', !!message);
}

// frame builds a field's block around a control.
function frame(def, id, control, { group = false, extra = null } = {}) {
  const hintId = def.hint ? `${id}-hint` : null;
  const errId = `${id}-error`;
  const hint = def.hint ? h('p', { id: hintId, class: 'hint' }, def.hint) : null;
  const err = h('p', { id: errId, class: 'field-error', hidden: true });
  const required = def.required ? h('span', { class: 'req' }, ' (bắt buộc)') : null;
  const describedBy = [hintId, errId].filter(Boolean).join(' ');
  let el;
  if (group) {
    el = h('fieldset', { class: 'field', 'aria-describedby': describedBy },
      h('legend', {}, def.label, required), hint, err, control, extra);
  } else {
    if (control.setAttribute) control.setAttribute('aria-describedby', describedBy);
    el = h('div', { class: 'field', dataset: { field: def.name } },
      h('label', { for: id }, def.label, required), hint, err, control, extra);
  }
  el.dataset.field = def.name;
  return { el, err };
}

// ----- plain controls

function textWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const multi = def.widget === 'textarea';
  const input = multi
    ? h('textarea', { id, name: def.name, rows: def.rows || 3, spellcheck: 'true' })
    : h('input', { id, name: def.name, type: def.widget === 'url' ? 'url' : 'text', spellcheck: def.widget === 'url' || def.widget === 'slug' ? 'false' : 'true', autocomplete: 'off' });
  input.value = value ?? '';
  const counter = m.max && def.widget !== 'slug' ? counterFor(input, m.max) : null;
  const { el, err } = frame({ ...def, required: (def.required || m.required) && def.widget !== 'slug' }, id, input, { extra: counter });
  return {
    el, focusId: id,
    get: () => (def.widget === 'url' ? input.value.trim() : input.value),
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

function slugWidget(def, value, opts) {
  const w = textWidget(def, value, opts);
  const c = collections[opts.collection];
  if (c && c.site) {
    const input = w.el.querySelector('input');
    const show = h('p', { class: 'hint slug-preview' });
    const upd = () => { show.textContent = input.value ? `Trang công khai: /${c.site}/${input.value}/` : ''; };
    input.addEventListener('input', upd);
    upd();
    w.el.append(show);
  }
  return w;
}

// counterFor shows "n / max ký tự" under a text control, marked when over.
function counterFor(input, max) {
  const out = h('p', { class: 'counter', 'aria-live': 'off' });
  const upd = () => {
    const n = [...input.value].length;
    out.textContent = `${n.toLocaleString('vi-VN')} / ${max.toLocaleString('vi-VN')} ký tự`;
    out.classList.toggle('over', n > max);
    if (n > max) out.textContent += ` – vượt ${(n - max).toLocaleString('vi-VN')} ký tự`;
  };
  input.addEventListener('input', upd);
  upd();
  return out;
}

function selectWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const options = def.widget === 'quarter'
    ? [1, 2, 3, 4].map((n) => ({ key: String(n), label: `Quý ${n}` }))
    : vocab(def.vocab);
  const sel = h('select', { id, name: def.name },
    h('option', { value: '' }, def.empty || (m.required || def.required || def.widget === 'quarter' ? '— Chọn —' : '— Không chọn —')),
    options.map((o) => h('option', { value: o.key }, o.label)));
  sel.value = value === null || value === undefined || value === 0 ? '' : String(value);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, sel);
  return {
    el, focusId: id,
    get: () => (def.widget === 'quarter' ? (sel.value ? Number(sel.value) : null) : sel.value),
    key: () => sel.value,
    setError: (msg) => setInvalid(sel, err, msg),
  };
}

function numberWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('input', { id, name: def.name, type: 'text', inputmode: m.onlyInt ? 'numeric' : 'decimal', autocomplete: 'off', class: 'input-short' });
  input.value = value === null || value === undefined || (value === 0 && !m.required && def.name !== 'weight') ? '' : String(value).replace('.', ',');
  if (value === 0 && def.name === 'weight') input.value = '0';
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, input);
  return {
    el, focusId: id,
    get: () => {
      const r = parseNumber(input.value);
      if (r.error) return { error: r.error + (m.onlyInt ? ' Hãy nhập một số nguyên.' : ' Hãy nhập một số, phần thập phân sau dấu phẩy, ví dụ 97,5.') };
      if (r.value !== null && m.onlyInt && !Number.isInteger(r.value)) return { error: 'Hãy nhập một số nguyên.' };
      return r.value;
    },
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

function boolWidget(def, value) {
  const id = `f-${def.name}`;
  const input = h('input', { id, name: def.name, type: 'checkbox' });
  input.checked = !!value;
  const err = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const el = h('div', { class: 'field field-check', dataset: { field: def.name } }, err, input, h('label', { for: id }, def.label));
  input.setAttribute('aria-describedby', `${id}-error`);
  return { el, focusId: id, get: () => input.checked, key: () => String(input.checked), setError: (msg) => setInvalid(input, err, msg) };
}

// A date in Vietnam typed as dd/mm/yyyy, stored as that day's midnight in
// Vietnam (25/11/2026 → "2026-11-24 17:00:00.000Z").
function dateWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('input', { id, name: def.name, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'input-date', placeholder: 'dd/mm/yyyy' });
  input.value = dateInputValue(value);
  const { el, err } = frame({ ...def, required: def.required || m.required, hint: def.hint || 'Ngày/tháng/năm, ví dụ 25/11/2026.' }, id, input);
  return {
    el, focusId: id,
    get: () => {
      if (!input.value.trim()) return '';
      const r = parseVNDate(input.value);
      return r.error ? { error: r.error } : toPB(r.date);
    },
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

// ----- units: a select of every unit

let unitsCache = null;
export async function loadUnits() {
  if (!unitsCache) {
    unitsCache = list('units', { perPage: 500, sort: 'name', fields: 'id,name,status' })
      .then((r) => r.items)
      .catch((e) => { unitsCache = null; throw e; });
  }
  return unitsCache;
}
export function forgetUnits() { unitsCache = null; }

function unitWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const locked = opts.lockedUnit;
  const sel = h('select', { id, name: def.name, disabled: !!locked }, h('option', { value: '' }, '— Không chọn —'));
  const { el, err } = frame({ ...def, required: def.required || m.required, hint: locked ? (def.lockedHint || 'Đơn vị của bạn (cán bộ đầu mối chỉ đề xuất cho đơn vị mình).') : def.hint }, id, sel);
  let current = locked || value || '';
  loadUnits().then((units) => {
    for (const u of units) sel.append(h('option', { value: u.id }, u.name + (u.status === 'published' ? '' : ' (chưa xuất bản)')));
    if (current && !units.some((u) => u.id === current)) sel.append(h('option', { value: current }, `Đơn vị ${current}`));
    sel.value = current;
  }).catch(() => {
    setInvalid(sel, err, 'Không tải được danh sách đơn vị. Hãy tải lại trang.');
  });
  sel.addEventListener('change', () => { current = sel.value; });
  return { el, focusId: id, get: () => (locked || current), key: () => current, setError: (msg) => setInvalid(sel, err, msg) };
}

// ----- picker: search records and choose one or several

function pickerWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const multiple = (m.maxSelect || 1) > 1;
  const target = def.target;
  const tc = collections[target];
  const nameField = tc.titleField || 'name';
  let selected = (Array.isArray(value) ? value : value ? [value] : []).map((rid) => ({ id: rid, title: '' }));
  // Titles of what is already chosen come with the record (expand).
  const expanded = opts.record && opts.record.expand ? opts.record.expand[def.name] : null;
  for (const x of [].concat(expanded || [])) {
    const s = selected.find((y) => y.id === x.id);
    if (s) s.title = titleOf(target, x);
  }
  const chosen = h('ul', { class: 'chips', 'aria-label': `${def.label} đã chọn` });
  const search = h('input', { id, type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'Gõ để tìm…', 'aria-controls': `${id}-results` });
  const status = h('p', { class: 'hint', 'aria-live': 'polite', id: `${id}-status` });
  const results = h('ul', { class: 'picker-results', id: `${id}-results`, 'aria-label': 'Kết quả tìm kiếm' });
  const searchLabel = h('label', { for: id, class: 'sub-label' }, multiple ? 'Tìm để thêm' : 'Tìm để chọn');
  const box = h('div', { class: 'picker' }, chosen, searchLabel, search, status, results);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, box, { group: true });
  search.setAttribute('aria-describedby', `${id}-status ${id}-error`);

  function drawChosen() {
    fill(chosen, selected.length === 0
      ? h('li', { class: 'muted' }, 'Chưa chọn.')
      : selected.map((s) => h('li', { class: 'chip' },
        h('span', {}, s.title || s.id),
        h('button', {
          type: 'button', class: 'chip-remove', 'aria-label': `Bỏ chọn ${s.title || s.id}`,
          onclick: () => {
            selected = selected.filter((x) => x.id !== s.id);
            drawChosen();
            search.focus();
            changed();
          },
        }, '×'))));
  }
  const missing = selected.filter((s) => !s.title);
  if (missing.length) {
    list(target, { filter: missing.map((s) => `id=${q(s.id)}`).join('||'), perPage: 50, fields: `id,${nameField},status` })
      .then((r) => {
        for (const x of r.items) {
          const s = selected.find((y) => y.id === x.id);
          if (s) s.title = titleOf(target, x);
        }
        drawChosen();
      }).catch(() => {});
  }
  drawChosen();

  let ctrl = null;
  const run = debounce(async () => {
    const text = search.value.trim();
    if (ctrl) ctrl.abort();
    if (!text) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    ctrl = new AbortController();
    try {
      const r = await list(target, { filter: `${nameField} ~ ${q(text)}`, perPage: 8, sort: nameField, fields: `id,${nameField},status` }, { signal: ctrl.signal });
      status.textContent = r.items.length ? `Có ${r.totalItems} kết quả.` : 'Không tìm thấy.';
      fill(results, r.items.map((x) => {
        const title = titleOf(target, x);
        const already = selected.some((s) => s.id === x.id);
        return h('li', {}, h('span', {}, title), h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', disabled: already,
          'aria-label': `Chọn ${title}`,
          onclick: () => {
            if (multiple) selected.push({ id: x.id, title });
            else selected = [{ id: x.id, title }];
            if (m.maxSelect && selected.length > m.maxSelect) selected = selected.slice(-m.maxSelect);
            drawChosen();
            results.replaceChildren();
            search.value = '';
            status.textContent = `Đã chọn ${title}.`;
            search.focus();
            changed();
          },
        }, already ? 'Đã chọn' : 'Chọn'));
      }));
    } catch (e) {
      if (e.name !== 'AbortError') status.textContent = e.message;
    }
  }, 250);
  search.addEventListener('input', run);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); run(); } });
  search.addEventListener('keypress', (e) => { if (e.key === 'Enter') e.preventDefault(); });
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));
  return {
    el, focusId: id,
    get: () => (multiple ? selected.map((s) => s.id) : (selected[0] ? selected[0].id : '')),
    key: () => selected.map((s) => s.id).join(','),
    setError: (msg) => setInvalid(search, err, msg),
  };
}

// ----- tags

function tagsWidget(def, value) {
  const id = `f-${def.name}`;
  const noun = def.noun || 'từ khóa'; // what one tag is called: từ khóa, nhãn
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  let tags = Array.isArray(value) ? [...value] : [];
  const input = h('input', { id, type: 'text', autocomplete: 'off', class: 'input-medium' });
  const add = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, 'Thêm');
  const chips = h('ul', { class: 'chips', 'aria-label': `${Noun} đã thêm` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const row = h('div', { class: 'inline' }, input, add);
  const box = h('div', {}, chips, h('label', { for: id, class: 'sub-label' }, `${Noun} mới`), row, status);
  const { el, err } = frame(def, id, box, { group: true });
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));
  function draw() {
    fill(chips, tags.length === 0 ? h('li', { class: 'muted' }, `Chưa có ${noun}.`) : tags.map((t, i) => h('li', { class: 'chip' },
      h('span', {}, t),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Xóa ${noun} ${t}`,
        onclick: () => { tags.splice(i, 1); draw(); status.textContent = `Đã xóa ${noun} ${t}.`; input.focus(); changed(); },
      }, '×'))));
  }
  function addTyped() {
    const parts = input.value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const p of parts) if (!tags.some((t) => t.toLowerCase() === p.toLowerCase())) tags.push(p);
    input.value = '';
    draw();
    if (parts.length) status.textContent = `Đã thêm ${parts.join(', ')}.`;
    changed();
  }
  add.addEventListener('click', addTyped);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addTyped(); } });
  input.addEventListener('keypress', (e) => { if (e.key === 'Enter') e.preventDefault(); });
  draw();
  return {
    el, focusId: id,
    // What is still typed in the box counts too, so nothing typed is lost.
    get: () => {
      const pending = input.value.split(',').map((s) => s.trim()).filter(Boolean);
      return [...tags, ...pending.filter((p) => !tags.includes(p))];
    },
    key: () => JSON.stringify(tags) + '|' + input.value,
    setError: (msg) => setInvalid(input, err, msg),
  };
}

// ----- guide steps

function stepsWidget(def, value) {
  const id = `f-${def.name}`;
  const logic = vocab('stepLogic');
  let steps = (Array.isArray(value) ? value : []).map((s) => ({ title: '', text: '', link: '', linkText: '', cost: '', logic: '', ...s }));
  const listEl = h('ol', { class: 'steps-editor' });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const addBtn = h('button', { type: 'button', id, class: 'btn btn-secondary' }, 'Thêm bước');
  const box = h('div', {}, listEl, addBtn, status);
  const { el, err } = frame(def, id, box, { group: true });
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));

  function read() {
    listEl.querySelectorAll(':scope > li').forEach((li, i) => {
      const s = steps[i];
      for (const k of ['title', 'text', 'link', 'linkText', 'cost', 'logic']) {
        const c = li.querySelector(`[data-k="${k}"]`);
        if (c) s[k] = c.value;
      }
    });
  }
  function draw(focus) {
    fill(listEl, steps.map((s, i) => {
      const n = i + 1;
      const sid = `${id}-${n}`;
      const ctl = (k, labelText, tag = 'input', attrs = {}) => {
        const c = h(tag, { id: `${sid}-${k}`, dataset: { k }, ...attrs });
        c.value = s[k] || '';
        return h('div', { class: 'field field-compact' }, h('label', { for: `${sid}-${k}` }, labelText), c);
      };
      const logicSel = h('select', { id: `${sid}-logic`, dataset: { k: 'logic' }, disabled: i === 0 },
        logic.map((o) => h('option', { value: o.key }, o.key === '' ? 'Là bước tiếp theo' : `Nối với bước trước bằng “${o.label}”`)));
      logicSel.value = i === 0 ? '' : (s.logic || '');
      const move = (delta, label) => h('button', {
        type: 'button', class: 'btn btn-small btn-secondary', disabled: i + delta < 0 || i + delta >= steps.length,
        'aria-label': `${label} bước ${n}`,
        onclick: () => {
          read();
          const [x] = steps.splice(i, 1);
          steps.splice(i + delta, 0, x);
          if (steps[0]) steps[0].logic = '';
          draw({ index: i + delta, k: delta < 0 ? 'up' : 'down' });
          status.textContent = `Đã chuyển bước ${n} thành bước ${n + delta}.`;
          changed();
        },
      }, label);
      return h('li', { class: 'step' },
        h('fieldset', {},
          h('legend', {}, `Bước ${n}`),
          ctl('title', 'Tiêu đề bước', 'input', { type: 'text' }),
          ctl('text', 'Nội dung (Markdown)', 'textarea', { rows: 3 }),
          h('div', { class: 'grid-2' },
            ctl('link', 'Liên kết (https://…)', 'input', { type: 'url', spellcheck: 'false' }),
            ctl('linkText', 'Chữ của liên kết', 'input', { type: 'text' })),
          h('div', { class: 'grid-2' },
            ctl('cost', 'Chi phí', 'input', { type: 'text' }),
            h('div', { class: 'field field-compact' }, h('label', { for: `${sid}-logic` }, 'Cách nối'), logicSel)),
          h('div', { class: 'step-actions' },
            move(-1, 'Lên'), move(1, 'Xuống'),
            h('button', {
              type: 'button', class: 'btn btn-small btn-danger-quiet', 'aria-label': `Xóa bước ${n}`,
              onclick: () => {
                read();
                steps.splice(i, 1);
                if (steps[0]) steps[0].logic = '';
                draw({ index: Math.min(i, steps.length - 1), k: 'title' });
                status.textContent = `Đã xóa bước ${n}.`;
                changed();
              },
            }, 'Xóa bước'))));
    }));
    if (steps.length === 0) listEl.append(h('li', { class: 'muted no-marker' }, 'Chưa có bước nào.'));
    if (focus && focus.index >= 0) {
      const li = listEl.children[focus.index];
      if (li) {
        // Focus stays on the button pressed, or on the other one when the
        // step has reached the top or the bottom.
        const moves = [...li.querySelectorAll('.step-actions button')].filter((b) => !b.disabled && (b.textContent === 'Lên' || b.textContent === 'Xuống'));
        const same = focus.k === 'up' ? 'Lên' : 'Xuống';
        const btn = focus.k === 'up' || focus.k === 'down'
          ? moves.find((b) => b.textContent === same) || moves[0]
          : null;
        (btn || li.querySelector('[data-k="title"]')).focus();
      }
    } else if (focus) {
      addBtn.focus();
    }
  }
  addBtn.addEventListener('click', () => {
    read();
    steps.push({ title: '', text: '', link: '', linkText: '', cost: '', logic: '' });
    draw({ index: steps.length - 1, k: 'title' });
    status.textContent = `Đã thêm bước ${steps.length}.`;
    changed();
  });
  draw();
  const clean = () => steps.map((s) => {
    const o = { title: s.title };
    for (const k of ['text', 'link', 'linkText', 'cost', 'logic']) if (s[k]) o[k] = s[k];
    return o;
  });
  return {
    el, focusId: id,
    get: () => { read(); return clean(); },
    key: () => { read(); return JSON.stringify(clean()); },
    setError: (msg) => setInvalid(null, err, msg),
  };
}

// ----- images: checks before upload, preview, removal

const SIGNATURES = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};

// checkImage tells why a file may not be uploaded, or '' when it may: the
// server checks the same (type by content, size), this only says so sooner.
export async function checkImage(file, maxSize, types) {
  const allowed = types && types.length ? types : Object.keys(SIGNATURES);
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const kind = Object.keys(SIGNATURES).find((t) => SIGNATURES[t](bytes));
  if (!kind || !allowed.includes(kind)) {
    return `Tệp “${file.name}” không phải ảnh JPEG, PNG hoặc WebP. Hãy chọn một tệp ảnh.`;
  }
  if (maxSize && file.size > maxSize) {
    return `Ảnh “${file.name}” nặng ${formatBytes(file.size)}, vượt quá ${formatBytes(maxSize)}. Hãy chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh.`;
  }
  return '';
}

function imageWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const max = m.maxSelect || 1;
  const multiple = max > 1;
  const record = opts.record;
  let existing = (Array.isArray(value) ? value : value ? [value] : []).slice();
  let removed = [];
  let pending = []; // {file, url}
  let refused = ''; // why the last files chosen were not taken
  const input = h('input', { id, type: 'file', accept: (m.mimeTypes || ['image/jpeg', 'image/png', 'image/webp']).join(','), multiple: multiple });
  const gallery = h('ul', { class: 'gallery', 'aria-label': `${def.label}: ảnh hiện có và ảnh sẽ tải lên` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const pick = h('label', { for: id, class: 'sub-label' }, multiple ? 'Chọn ảnh để thêm' : (existing.length ? 'Chọn ảnh khác để thay' : 'Chọn ảnh'));
  const box = h('div', {}, gallery, pick, input, status);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, box, { group: true });
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));

  function draw() {
    const items = [];
    for (const name of existing) {
      const gone = removed.includes(name);
      items.push(h('li', { class: gone ? 'thumb thumb-removed' : 'thumb' },
        h('img', { src: fileURL(record, name, '320x0'), alt: gone ? '' : `Ảnh hiện có: ${name}`, loading: 'lazy' }),
        h('p', { class: 'thumb-note' }, gone ? 'Sẽ xóa khi lưu' : 'Ảnh hiện có'),
        h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => {
            removed = gone ? removed.filter((x) => x !== name) : [...removed, name];
            draw();
            status.textContent = gone ? 'Đã giữ lại ảnh.' : 'Ảnh sẽ bị xóa khi lưu.';
            changed();
          },
        }, gone ? 'Giữ lại ảnh này' : 'Xóa ảnh này')));
    }
    pending.forEach((p, i) => {
      items.push(h('li', { class: 'thumb thumb-new' },
        h('img', { src: p.url, alt: `Ảnh mới: ${p.file.name}` }),
        h('p', { class: 'thumb-note' }, `Ảnh mới, ${formatBytes(p.file.size)}: sẽ tải lên khi lưu`),
        h('button', {
          type: 'button', class: 'btn btn-small btn-secondary',
          onclick: () => {
            URL.revokeObjectURL(p.url);
            pending.splice(i, 1);
            draw();
            status.textContent = 'Đã bỏ ảnh mới.';
            input.focus();
            changed();
          },
        }, 'Bỏ ảnh này')));
    });
    fill(gallery, items.length ? items : h('li', { class: 'muted' }, 'Chưa có ảnh.'));
  }
  input.addEventListener('change', async () => {
    const files = [...input.files];
    input.value = '';
    const problems = [];
    for (const f of files) {
      const p = await checkImage(f, m.maxSize, m.mimeTypes);
      if (p) { problems.push(p); continue; }
      if (!multiple) {
        pending.forEach((x) => URL.revokeObjectURL(x.url));
        pending = [];
      }
      pending.push({ file: f, url: URL.createObjectURL(f) });
    }
    const kept = existing.filter((x) => !removed.includes(x)).length;
    if (multiple && kept + pending.length > max) {
      problems.push(`Chỉ được có tối đa ${max} ảnh; đã bỏ ${kept + pending.length - max} ảnh chọn sau cùng.`);
      pending.splice(max - kept).forEach((x) => URL.revokeObjectURL(x.url));
    }
    refused = problems.join(' ');
    setInvalid(input, err, refused);
    draw();
    if (!problems.length && files.length) status.textContent = `Đã chọn ${files.length} ảnh; ảnh sẽ được tải lên khi lưu.`;
    changed();
  });
  draw();
  return {
    el, focusId: id,
    get: () => {
      if (multiple) return removed.length ? { remove: removed } : undefined;
      if (pending.length) return undefined; // sent as a file
      return removed.length && removed.length === existing.length ? { clear: true } : undefined;
    },
    key: () => JSON.stringify(removed) + pending.map((p) => p.file.name + p.file.size).join(','),
    filesPending: () => pending.length > 0,
    addFiles: (fd) => {
      for (const p of pending) fd.append(multiple ? `${def.name}+` : def.name, p.file, p.file.name);
    },
    // A file refused here stays said until another is chosen.
    setError: (msg) => setInvalid(input, err, [msg, refused].filter(Boolean).join(' ')),
  };
}

// ----- documents: a dossier's files (PDF, DOCX, pictures), checked before
// upload; existing ones are protected and downloaded with a file token.

const DOC_SIGNATURES = {
  'application/pdf': (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d,
  // A DOCX is a ZIP archive; the server reads inside it.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b, name) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 && /\.docx$/i.test(name),
  ...SIGNATURES,
};

// checkDocument tells why a file may not join a dossier, or '' when it may.
// The server checks the same by the file's content.
export async function checkDocument(file, maxSize, types) {
  const allowed = types && types.length ? types : Object.keys(DOC_SIGNATURES);
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const kind = Object.keys(DOC_SIGNATURES).find((t) => DOC_SIGNATURES[t](bytes, file.name));
  if (!kind || !allowed.includes(kind)) {
    return `Tệp “${file.name}” không phải PDF, DOCX hay ảnh JPEG, PNG, WebP. Hãy chọn tệp đúng loại (tệp .doc cũ hãy lưu lại thành .docx hoặc PDF).`;
  }
  if (maxSize && file.size > maxSize) {
    return `Tệp “${file.name}” nặng ${formatBytes(file.size)}, vượt quá ${formatBytes(maxSize)}. Hãy chọn tệp nhỏ hơn, ví dụ quét tài liệu với độ phân giải thấp hơn.`;
  }
  return '';
}

function documentsWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const max = m.maxSelect || 10;
  const record = opts.record;
  const existing = (Array.isArray(value) ? value : value ? [value] : []).slice();
  let removed = [];
  const pending = []; // File
  let refused = '';
  const input = h('input', { id, type: 'file', multiple: true, accept: '.pdf,.docx,.jpg,.jpeg,.png,.webp,' + (m.mimeTypes || []).join(',') });
  const files = h('ul', { class: 'doc-list', 'aria-label': `${def.label}: tệp hiện có và tệp sẽ tải lên` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const box = h('div', {}, files, h('label', { for: id, class: 'sub-label' }, 'Chọn tệp để thêm'), input, status);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, box, { group: true });
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const changed = () => el.dispatchEvent(new Event('input', { bubbles: true }));

  function draw() {
    const items = [];
    for (const name of existing) {
      const gone = removed.includes(name);
      const shown = displayFileName(name);
      const dl = downloadButton(record, name, status, (msg) => setInvalid(input, err, msg));
      items.push(h('li', { class: gone ? 'doc doc-removed' : 'doc' },
        h('span', { class: 'doc-name' }, shown),
        h('span', { class: 'doc-note' }, gone ? 'Sẽ xóa khi lưu' : 'Đã tải lên'),
        h('span', { class: 'doc-actions' }, gone ? null : dl, h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `${gone ? 'Giữ lại' : 'Xóa'} ${shown}`,
          onclick: () => {
            const at = existing.indexOf(name);
            removed = gone ? removed.filter((x) => x !== name) : [...removed, name];
            draw();
            status.textContent = gone ? `Đã giữ lại ${shown}.` : `${shown} sẽ bị xóa khi lưu.`;
            // Focus stays on the same file's toggle.
            const li = files.children[at];
            const again = li && li.querySelector('.doc-actions button:last-child');
            (again || input).focus();
            changed();
          },
        }, gone ? 'Giữ lại' : 'Xóa'))));
    }
    pending.forEach((f, i) => {
      items.push(h('li', { class: 'doc doc-new' },
        h('span', { class: 'doc-name' }, f.name),
        h('span', { class: 'doc-note' }, `Tệp mới, ${formatBytes(f.size)}: sẽ tải lên khi lưu`),
        h('span', { class: 'doc-actions' }, h('button', {
          type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': `Bỏ tệp này: ${f.name}`,
          onclick: () => {
            pending.splice(i, 1);
            draw();
            status.textContent = `Đã bỏ ${f.name}.`;
            input.focus();
            changed();
          },
        }, 'Bỏ tệp này'))));
    });
    fill(files, items.length ? items : h('li', { class: 'muted' }, 'Chưa có tệp nào.'));
  }
  input.addEventListener('change', async () => {
    const chosen = [...input.files];
    input.value = '';
    const problems = [];
    for (const f of chosen) {
      const p = await checkDocument(f, m.maxSize, m.mimeTypes);
      if (p) problems.push(p); else pending.push(f);
    }
    const kept = existing.filter((x) => !removed.includes(x)).length;
    if (kept + pending.length > max) {
      const over = kept + pending.length - max;
      problems.push(`Mỗi hồ sơ có tối đa ${max} tệp; đã bỏ ${over} tệp chọn sau cùng.`);
      pending.splice(pending.length - over);
    }
    refused = problems.join(' ');
    setInvalid(input, err, refused);
    draw();
    if (!problems.length && chosen.length) status.textContent = `Đã chọn ${chosen.length} tệp; tệp sẽ được tải lên khi lưu.`;
    changed();
  });
  draw();
  return {
    el, focusId: id,
    get: () => (removed.length ? { remove: removed } : undefined),
    key: () => JSON.stringify(removed) + pending.map((f) => f.name + f.size).join(','),
    filesPending: () => pending.length > 0,
    addFiles: (fd) => { for (const f of pending) fd.append(`${def.name}+`, f, asciiFileName(f.name)); },
    setError: (msg) => setInvalid(input, err, [msg, refused].filter(Boolean).join(' ')),
  };
}

// ----- Markdown with a live preview rendered by the server (goldmark with
// the site's settings)

export function sanitize(html) {
  // The server renders without raw HTML; this is a second fence.
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  doc.querySelectorAll('script,style,iframe,object,embed,form,input,button,link,meta,base,frame,frameset,svg,math').forEach((n) => n.remove());
  doc.querySelectorAll('*').forEach((n) => {
    for (const a of [...n.attributes]) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on') || a.name === 'style' || ((a.name === 'href' || a.name === 'src') && (v.startsWith('javascript:') || v.startsWith('data:') || v.startsWith('vbscript:')))) {
        n.removeAttribute(a.name);
      }
    }
    if (n.tagName === 'A') { n.setAttribute('target', '_blank'); n.setAttribute('rel', 'noopener noreferrer'); }
  });
  return [...doc.body.firstChild.childNodes];
}

function markdownWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('textarea', { id, name: def.name, rows: def.rows || 14, class: 'markdown-input', spellcheck: 'true' });
  input.value = value ?? '';
  const counter = m.max ? counterFor(input, m.max) : null;
  const previewId = `${id}-preview`;
  const preview = h('div', { class: 'prose markdown-preview', id: previewId });
  const problems = h('div', { class: 'markdown-problems', 'aria-live': 'polite' });
  const state = h('p', { class: 'hint preview-state', 'aria-live': 'off' });
  const pane = h('section', { class: 'preview-pane', 'aria-label': `Xem trước: ${def.label}` },
    h('p', { class: 'preview-title' }, 'Xem trước'), state, preview);
  const wrap = h('div', { class: 'markdown-editor' }, h('div', { class: 'markdown-write' }, input, counter, problems), pane);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, wrap);
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));

  let ctrl = null;
  let last = null;
  const renderPreview = async () => {
    const text = input.value;
    if (text === last) return;
    last = text;
    if (ctrl) ctrl.abort();
    if (!text.trim()) {
      fill(preview, h('p', { class: 'muted' }, 'Nội dung trống.'));
      problems.replaceChildren();
      state.textContent = '';
      return;
    }
    if (m.max && [...text].length > m.max) {
      fill(preview, h('p', { class: 'muted' }, `Nội dung dài hơn ${m.max.toLocaleString('vi-VN')} ký tự nên không xem trước được. Hãy rút ngắn nội dung.`));
      state.textContent = '';
      return;
    }
    ctrl = new AbortController();
    state.textContent = 'Đang cập nhật…';
    try {
      const res = await request('POST', '/api/portal/markdown', { markdown: text }, { signal: ctrl.signal });
      fill(preview, sanitize(res.html || ''));
      state.textContent = '';
      const ps = res.problems || [];
      fill(problems, ps.length ? h('div', { class: 'notice notice-warning' },
        h('p', { class: 'notice-title' }, 'Cần sửa trước khi lưu:'),
        h('ul', {}, ps.map((p) => h('li', {}, p)))) : null);
    } catch (e) {
      if (e.name === 'AbortError') return;
      last = null;
      state.textContent = e.status === 404 ? 'Chưa xem trước được: máy chủ chưa có chức năng này.' : `Chưa xem trước được: ${e.message}`;
    }
  };
  const debounced = debounce(renderPreview, 600);
  input.addEventListener('input', debounced);
  // The first preview once the field is on the page.
  setTimeout(renderPreview, 0);
  return {
    el, focusId: id,
    get: () => input.value,
    key: () => input.value,
    setError: (msg) => setInvalid(input, err, msg),
    destroy: () => { debounced.cancel(); if (ctrl) ctrl.abort(); },
  };
}

const WIDGETS = {
  text: textWidget, textarea: textWidget, url: textWidget, slug: slugWidget,
  select: selectWidget, quarter: selectWidget, number: numberWidget, bool: boolWidget,
  date: dateWidget, unit: unitWidget, picker: pickerWidget, tags: tagsWidget,
  steps: stepsWidget, image: imageWidget, markdown: markdownWidget, documents: documentsWidget,
};

export function widget(def, value, opts) {
  return WIDGETS[def.widget](def, value, opts);
}
