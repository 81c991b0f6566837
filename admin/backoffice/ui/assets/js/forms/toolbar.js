// @ts-check
// The Markdown editor's toolbar: heading, bold, list, link, image, table
// and quote, so that a village officer writes without knowing Markdown.
// Each button changes the text as Markdown would have it typed (what is
// stored stays Markdown) and selects what is left to type; the live
// preview beside the field shows the result.

import { h } from '../util.js';

/**
 * An edit of the text: given what is before the selection, the selection
 * and what is after, the text to put in its place and what to select in
 * that text then (start and end).
 * @typedef {(before: string, selected: string, after: string) => { text: string, select: [number, number] }} Edit
 */

/**
 * apply makes an edit at the textarea's selection.
 * @param {HTMLTextAreaElement} area
 * @param {Edit} edit
 */
function apply(area, edit) {
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  const before = area.value.slice(0, start);
  const { text, select } = edit(before, area.value.slice(start, end), area.value.slice(end));
  area.focus();
  // execCommand keeps the browser's undo; setRangeText where it is gone.
  area.setSelectionRange(start, end);
  if (!document.execCommand || !document.execCommand('insertText', false, text)) {
    area.setRangeText(text, start, end, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  area.setSelectionRange(start + select[0], start + select[1]);
}

/**
 * blockGap is the text needed before an insertion at the end of before
 * so that it starts its own block (a blank line after other text).
 * @param {string} before
 */
function blockGap(before) {
  if (!before || before.endsWith('\n\n')) return '';
  return before.endsWith('\n') ? '\n' : '\n\n';
}

/**
 * prefixLines puts prefix (a function of the line's number) before each
 * line of the selection, or before a placeholder when nothing is selected.
 * @param {(line: number) => string} prefix
 * @param {string} placeholder
 * @returns {Edit}
 */
function prefixLines(prefix, placeholder) {
  return (before, selected) => {
    const gap = blockGap(before);
    const lines = (selected || placeholder).split('\n');
    const text = gap + lines.map((l, i) => prefix(i) + l.replace(/^\s*(#+|[-*+]|\d+[.)]|>)\s+/, '')).join('\n') + '\n';
    if (selected) return { text, select: [text.length, text.length] };
    const at = gap.length + prefix(0).length;
    return { text, select: [at, at + placeholder.length] };
  };
}

/**
 * wrap surrounds the selection (or a placeholder, selected) with marks.
 * @param {string} open
 * @param {string} close
 * @param {string} placeholder
 * @returns {Edit}
 */
function wrap(open, close, placeholder) {
  return (_before, selected) => {
    const inner = selected || placeholder;
    const text = open + inner + close;
    return { text, select: [open.length, open.length + inner.length] };
  };
}

/** A line of a list: indent, marker (-, *, +, or a number and . or )), text. */
const LIST_ITEM = /^(\s*)(?:([-*+])|(\d{1,9})([.)]))[ \t]+(.*)$/;

/**
 * continueList is what Enter does at the caret of area on a line of a
 * list: the next item's marker (the next number for a numbered list), or,
 * on an item left empty, the end of the list (its marker replaced by a
 * blank line); null
 * elsewhere, where Enter is a plain new line.
 * @param {HTMLTextAreaElement} area
 * @returns {Edit | null}
 */
export function continueList(area) {
  const at = area.selectionStart;
  if (at === null || at !== area.selectionEnd) return null;
  const lineStart = area.value.lastIndexOf('\n', at - 1) + 1;
  const m = LIST_ITEM.exec(area.value.slice(lineStart, at));
  if (!m) return null;
  const [, indent, bullet, num, delim, text] = m;
  if (!text.trim() && !area.value.slice(at).split('\n', 1)[0].trim()) {
    // An empty item: Enter ends the list (a blank line, as Markdown ends it).
    area.setSelectionRange(lineStart, at);
    return () => ({ text: '\n', select: [1, 1] });
  }
  const next = `\n${indent}${bullet || `${Number(num) + 1}${delim}`} `;
  return () => ({ text: next, select: [next.length, next.length] });
}

const TABLE = '| Cột 1 | Cột 2 |\n|---|---|\n| Nội dung | Nội dung |\n';

/**
 * The actions of the toolbar, in order: label, what a screen reader hears,
 * the edit (none for the image, which opens the record's photos), and a
 * key with Ctrl (or ⌘).
 * @type {{ id: string, label: string, title: string, key?: string, edit: Edit | null }[]}
 */
const ACTIONS = [
  { id: 'heading', label: 'Tiêu đề', title: 'Tiêu đề mục', edit: prefixLines(() => '## ', 'Tiêu đề mục') },
  { id: 'bold', label: 'Đậm', title: 'Chữ đậm (Ctrl+B)', key: 'b', edit: wrap('**', '**', 'chữ đậm') },
  { id: 'list', label: 'Danh sách', title: 'Danh sách gạch đầu dòng', edit: prefixLines(() => '- ', 'Ý thứ nhất') },
  { id: 'numbered', label: 'Danh sách số', title: 'Danh sách số (đánh số thứ tự)', edit: prefixLines((i) => `${i + 1}. `, 'Bước thứ nhất') },
  {
    id: 'link', label: 'Liên kết', title: 'Liên kết (Ctrl+K)', key: 'k',
    edit: (_b, selected) => {
      const words = selected || 'chữ hiện ra';
      const text = `[${words}](https://)`;
      // The address is what is left to type (the words, if none were selected).
      return selected ? { text, select: [words.length + 3, text.length - 1] } : { text, select: [1, 1 + words.length] };
    },
  },
  { id: 'image', label: 'Ảnh', title: 'Chọn ảnh và chèn vào nội dung', edit: null },
  { id: 'table', label: 'Bảng', title: 'Bảng hai cột', edit: (before) => { const gap = blockGap(before); return { text: gap + TABLE, select: [gap.length + 2, gap.length + 7] }; } },
  { id: 'quote', label: 'Trích dẫn', title: 'Đoạn trích dẫn', edit: prefixLines(() => '> ', 'Lời trích dẫn') },
];

/**
 * toolbar returns the toolbar of a Markdown textarea. onImage, if given,
 * is what the image button does (open the record's photos for the text);
 * without it the button inserts an image line to complete.
 * @param {HTMLTextAreaElement} area
 * @param {string} label the field's label
 * @param {(() => void)|null} onImage
 */
export function toolbar(area, label, onImage) {
  const buttons = ACTIONS.map((a) => h('button', {
    type: 'button', class: 'btn btn-small btn-secondary md-tool', dataset: { tool: a.id }, title: a.title,
    'aria-label': a.title, 'aria-controls': area.id,
    onclick: () => {
      if (a.id === 'image') {
        if (onImage) onImage();
        else apply(area, wrap('![Mô tả ảnh](', ')', 'ten-tep-anh.jpg'));
        return;
      }
      if (a.edit) apply(area, a.edit);
    },
  }, a.label));
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing && !(e.ctrlKey || e.metaKey || e.altKey || e.shiftKey)) {
      const edit = continueList(area);
      if (edit) {
        e.preventDefault();
        apply(area, edit);
      }
      return;
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const a = ACTIONS.find((x) => x.key === e.key.toLowerCase());
    if (!a || !a.edit) return;
    e.preventDefault();
    apply(area, a.edit);
  });
  // Arrow keys move between the buttons (one tab stop, as a toolbar is).
  buttons.forEach((b, i) => {
    b.tabIndex = i === 0 ? 0 : -1;
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const next = buttons[(i + step + buttons.length) % buttons.length];
      buttons.forEach((x) => { x.tabIndex = -1; });
      next.tabIndex = 0;
      next.focus();
    });
  });
  return h('div', { class: 'md-toolbar', role: 'toolbar', 'aria-label': `Định dạng: ${label}`, 'aria-controls': area.id }, buttons);
}
