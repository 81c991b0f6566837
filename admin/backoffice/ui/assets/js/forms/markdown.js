// @ts-check
// Markdown with a live preview rendered by the server (goldmark with the
// site's settings).

/**
 * @import { MarkdownPreview } from '../answers.js'
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, fill, debounce } from '../util.js';
import { request, asApiError } from '../api.js';
import { fieldMeta } from '../schema.js';
import { frame, setInvalid, counterFor } from './field.js';
import { sanitize } from './sanitize.js';
import { toolbar } from './toolbar.js';
import { imageSource } from './image.js';
import { pasteAsMarkdown } from './paste.js';

/**
 * Markdown with its toolbar, Word paste and a live preview rendered by the
 * server.
 * @type {WidgetMaker}
 */
export function markdownWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const input = h('textarea', { id, name: def.name, rows: def.rows || 14, class: 'markdown-input', spellcheck: 'true' });
  input.value = value === null || value === undefined ? '' : String(value);
  const counter = m.max ? counterFor(input, m.max) : null;
  const previewId = `${id}-preview`;
  const preview = h('div', { class: 'prose markdown-preview', id: previewId });
  const problems = h('div', { class: 'markdown-problems', 'aria-live': 'polite' });
  const state = h('p', { class: 'hint preview-state', 'aria-live': 'off' });
  const pane = h('section', { class: 'preview-pane', 'aria-label': `Xem trước: ${def.label}` },
    h('p', { class: 'preview-title' }, 'Xem trước'), state, preview);
  // The image button picks photos for the text, if it has them: each is
  // put into the text at the caret at once (image.js).
  const images = def.images;
  const onImage = images ? () => {
    const pick = document.getElementById(`f-${images}`);
    if (!(pick instanceof HTMLInputElement)) return;
    pick.dataset.insertNow = '1';
    pick.click();
  } : null;
  pasteAsMarkdown(input);
  const tools = toolbar(input, def.label, onImage);
  const wrap = h('div', { class: 'markdown-editor' }, h('div', { class: 'markdown-write' }, tools, input, counter, problems), pane);
  const { el, err } = frame({ ...def, required: def.required || m.required }, id, wrap);
  input.setAttribute('aria-describedby', [def.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));

  /** @type {AbortController | null} */
  let ctrl = null;
  /** @type {string | null} */
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
    const max = m.max;
    if (max && [...text].length > max) {
      fill(preview, h('p', { class: 'muted' }, `Nội dung dài hơn ${max.toLocaleString('vi-VN')} ký tự nên không xem trước được. Hãy rút ngắn nội dung.`));
      state.textContent = '';
      return;
    }
    ctrl = new AbortController();
    state.textContent = 'Đang cập nhật…';
    try {
      const res = /** @type {MarkdownPreview} */ (await request('POST', '/api/portal/markdown', { markdown: text }, { signal: ctrl.signal }));
      fill(preview, sanitize(res.html || ''));
      // Photos of the record, saved or just picked, by their file names.
      if (images) {
        for (const img of preview.querySelectorAll('img')) {
          const src = imageSource(def.name, img.getAttribute('src') || '');
          if (src) img.src = src;
        }
      }
      state.textContent = '';
      const ps = res.problems || [];
      fill(problems, ps.length ? h('div', { class: 'notice notice-warning' },
        h('p', { class: 'notice-title' }, 'Cần sửa trước khi lưu:'),
        h('ul', {}, ps.map((p) => h('li', {}, p)))) : null);
    } catch (ex) {
      const e = asApiError(ex);
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
