// @ts-check
// Paste from Word (or a web page): the clipboard's HTML becomes Markdown
// that keeps headings, lists, tables, bold, italic and web links, and
// drops the rest (styles, fonts, pictures, comments, scripts). The HTML is
// read by DOMParser into an inert document (no script runs, no image
// loads) and only its text and structure are kept; what is typed into the
// field is plain Markdown text, checked again by the server.

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'TABLE', 'PRE', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IMG', 'SVG', 'OBJECT', 'IFRAME', 'XML', 'NOSCRIPT', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * What holds nodes: an element, or a list of nodes standing for one.
 * @typedef {{ childNodes: Iterable<Node> }} Holder
 */

/**
 * escapeText escapes what Markdown would read as formatting in plain text.
 * @param {string} s
 */
function escapeText(s) {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c);
}

/**
 * inline is the Markdown of an element's inline content.
 * @param {Holder} node
 * @returns {string}
 */
function inline(node) {
  let out = '';
  for (const n of node.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) {
      out += escapeText((n.textContent || '').replace(/\s+/g, ' '));
      continue;
    }
    if (!(n instanceof Element)) continue;
    const el = n;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || wordOnly(el)) continue;
    if (tag === 'BR') { out += '\n'; continue; }
    const text = inline(el);
    if (!text.trim()) { out += text; continue; }
    const bold = tag === 'B' || tag === 'STRONG' || /font-weight:\s*(bold|[6-9]00)/i.test(el.getAttribute('style') || '');
    const italic = tag === 'I' || tag === 'EM';
    if (tag === 'A') {
      const href = (el.getAttribute('href') || '').trim();
      out += /^https?:\/\//i.test(href) ? `[${text.trim()}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text;
    } else if (bold) {
      out += `**${text.trim()}**`;
    } else if (italic) {
      out += `*${text.trim()}*`;
    } else {
      out += text;
    }
  }
  return out;
}

/**
 * wordOnly: Word's hidden parts: the bullet it draws itself before a list
 * paragraph ("mso-list:Ignore"), and its <o:p> placeholders.
 * @param {Element} el
 */
function wordOnly(el) {
  return /mso-list:\s*ignore/i.test(el.getAttribute('style') || '') || el.tagName.toUpperCase() === 'O:P';
}

/**
 * wordList tells whether a paragraph is one of Word's list paragraphs, and
 * whether the list is numbered (its drawn marker is a number).
 * @param {Element} el
 */
function wordList(el) {
  if (!/MsoListParagraph/i.test(el.className || '') && !/mso-list:\s*l\d/i.test(el.getAttribute('style') || '')) return null;
  const marker = el.querySelector('[style*="mso-list"]');
  const drawn = marker ? (marker.textContent || '').trim() : '';
  return { ordered: /^\(?[0-9a-zA-Z]{1,3}[.)]/.test(drawn) };
}

/** @param {Element} el */
function cell(el) {
  return inline(el).replace(/\s+/g, ' ').trim() || ' ';
}

/** @param {Element} el */
function table(el) {
  const rows = [...el.querySelectorAll('tr')].map((tr) => [...tr.children].map(cell));
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (/** @type {string[]} */ r) => '| ' + Array.from({ length: width }, (_, i) => r[i] || ' ').join(' | ') + ' |';
  return [line(rows[0]), '|' + ' --- |'.repeat(width), ...rows.slice(1).map(line)].join('\n');
}

/**
 * blocks is the Markdown of a node's block content, one string a block,
 * added to out.
 * @param {Holder} node
 * @param {string[]} out
 */
function blocks(node, out, depth = 0) {
  /** @type {HTMLDivElement | null} */
  let para = null; // inline content outside any block element
  const flush = () => {
    if (para) {
      const t = inline(para).trim();
      if (t) out.push(t);
      para = null;
    }
  };
  for (const n of [...node.childNodes]) {
    const el = n instanceof Element ? n : null;
    const tag = el ? el.tagName.toUpperCase() : '';
    if (!el || !BLOCKS.has(tag)) {
      if (el && (SKIP.has(tag) || wordOnly(el))) continue;
      para = para || document.createElement('div');
      para.appendChild(n.cloneNode(true));
      continue;
    }
    flush();
    const heading = /^H([1-6])$/.exec(tag);
    if (heading) {
      const t = inline(el).replace(/\s+/g, ' ').trim();
      // The page's title is the record's: headings in the text start at ##.
      if (t) out.push('#'.repeat(Math.min(6, Math.max(2, Number(heading[1]) + 1))) + ' ' + t.replace(/^\*\*(.*)\*\*$/, '$1'));
    } else if (tag === 'UL' || tag === 'OL') {
      const items = [...el.children].filter((c) => c.tagName.toUpperCase() === 'LI');
      const lines = items.map((li, i) => {
        /** @type {string[]} */
        const nested = [];
        for (const sub of li.querySelectorAll(':scope > ul, :scope > ol')) { blocks({ childNodes: [sub] }, nested, depth + 1); sub.remove(); }
        const marker = tag === 'OL' ? `${i + 1}. ` : '- ';
        return '  '.repeat(depth) + marker + inline(li).replace(/\s+/g, ' ').trim() + (nested.length ? '\n' + nested.join('\n') : '');
      });
      out.push(lines.join('\n'));
    } else if (tag === 'TABLE') {
      const t = table(el);
      if (t) out.push(t);
    } else if (tag === 'BLOCKQUOTE') {
      /** @type {string[]} */
      const inner = [];
      blocks(el, inner, depth);
      if (inner.length) out.push(inner.join('\n\n').split('\n').map((l) => '> ' + l).join('\n'));
    } else if (tag === 'HR') {
      out.push('---');
    } else if (tag === 'P' && wordList(el)) {
      const list = wordList(el);
      const t = inline(el).replace(/\s+/g, ' ').trim();
      const prev = out.length ? out[out.length - 1] : '';
      const last = /(?:^|\n)(\d+)\. [^\n]*$/.exec(prev);
      const marker = list && list.ordered ? `${(last ? Number(last[1]) : 0) + 1}. ` : '- ';
      // Word writes each item as its own paragraph: join them into one list.
      if (/^(- |\d+\. )/.test(prev) && !prev.includes('\n\n')) out[out.length - 1] = prev + '\n' + marker + t;
      else out.push(marker + t);
    } else if (tag === 'P' || tag === 'PRE') {
      const t = inline(el).trim();
      if (t) out.push(t);
    } else {
      blocks(el, out, depth);
    }
  }
  flush();
  return out;
}

/**
 * htmlToMarkdown turns clipboard HTML into Markdown.
 * @param {string} html
 */
export function htmlToMarkdown(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return blocks(doc.body, []).join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * onPaste makes a textarea take HTML pastes as Markdown; a paste of plain
 * text is left to the browser.
 * @param {HTMLTextAreaElement} area
 */
export function pasteAsMarkdown(area) {
  area.addEventListener('paste', (e) => {
    const html = e.clipboardData && e.clipboardData.getData('text/html');
    if (!html) return;
    const md = htmlToMarkdown(html);
    if (!md) return;
    e.preventDefault();
    area.focus();
    if (!document.execCommand || !document.execCommand('insertText', false, md)) {
      area.setRangeText(md, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}
