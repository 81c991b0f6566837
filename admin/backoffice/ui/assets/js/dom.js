// @ts-check
// Building the page safely: elements whose text is always text, never
// markup; finding the back office's own elements; ids; the live region.

/**
 * What h puts in an element: nodes, text (numbers too), and lists of
 * them; null, undefined and false are left out.
 * @typedef {Node | string | number | boolean | null | undefined | Child[]} Child
 */

/**
 * The attributes h sets. Those named on… are event listeners (typed for
 * the events the back office listens to, with the element as
 * currentTarget); dataset fills data-*; true/false toggle boolean
 * attributes; null and undefined are skipped.
 * @template {HTMLElement} E
 * @typedef {{
 *   [name: string]: string | number | boolean | null | undefined | Record<string, string> | ((e: never) => unknown),
 *   dataset?: Record<string, string>,
 *   onclick?: (e: MouseEvent & { currentTarget: E }) => unknown,
 *   oninput?: (e: Event & { currentTarget: E }) => unknown,
 *   onchange?: (e: Event & { currentTarget: E }) => unknown,
 *   onkeydown?: (e: KeyboardEvent & { currentTarget: E }) => unknown,
 *   onsubmit?: (e: SubmitEvent & { currentTarget: E }) => unknown,
 * }} Attrs
 */

/**
 * h builds an element: h('a', {href: '/x', class: 'btn'}, 'text', child…).
 * Text is always text, never markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs<HTMLElementTagNameMap[K]> | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2).toLowerCase(), /** @type {EventListener} */ (v));
      } else if (k === 'dataset') {
        Object.assign(el.dataset, v);
      } else if (k === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
        el.value = String(v);
      } else if (k === 'checked' && el instanceof HTMLInputElement) {
        el.checked = !!v;
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
}

/**
 * fill empties an element and fills it with children.
 * @template {Element} E
 * @param {E} el
 * @param {...Child} children
 * @returns {E}
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * An element class, to say what a lookup expects (HTMLInputElement…).
 * @template {Element} E
 * @typedef {{ new (): E, prototype: E }} ElementClass
 */

/**
 * find finds the element selector names inside root, or null when there
 * is none or it is not of the class expected (HTMLElement unless said).
 * @template {Element} [E=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {ElementClass<E>} [type]
 * @returns {E | null}
 */
export function find(root, selector, type) {
  const want = type || /** @type {ElementClass<E>} */ (/** @type {unknown} */ (HTMLElement));
  const el = root.querySelector(selector);
  return el instanceof want ? el : null;
}

/**
 * $ is find for the back office's own markup, which always has the
 * element: a miss is a bug, thrown at once with what was looked for.
 * @template {Element} [E=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {ElementClass<E>} [type]
 * @returns {E}
 */
export function $(root, selector, type) {
  const el = find(root, selector, type);
  if (!el) {
    throw new Error(`Lỗi của trang quản trị: không có phần tử ${selector}${type ? ` (${type.name})` : ''}. Hãy tải lại trang.`);
  }
  return el;
}

let idCounter = 0;
/**
 * uid is a new id for an element, unique on the page.
 * @param {string} [prefix]
 */
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * announce says something to screen readers through the page's live region.
 * @param {string} text
 */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}
