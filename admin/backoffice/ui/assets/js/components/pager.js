// @ts-check
// The pager under a list: previous, where we are, next; the page is the
// address's ?trang=.

import { h } from '../util.js';

/**
 * pager links the pages of a PocketBase list result, keeping the rest of the
 * query; nothing when there is one page.
 * @param {{ page: number, totalPages: number }} res
 * @param {URLSearchParams} query
 */
export function pager(res, query) {
  if (res.totalPages <= 1) return null;
  /** @param {number} p @param {string} text @param {string} rel */
  const link = (p, text, rel) => {
    const params = new URLSearchParams(query);
    if (p === 1) params.delete('trang'); else params.set('trang', String(p));
    const s = params.toString();
    return h('a', { href: location.pathname + (s ? '?' + s : ''), rel }, text);
  };
  return h('nav', { class: 'pager', 'aria-label': 'Phân trang' }, h('ul', {},
    res.page > 1 ? h('li', {}, link(res.page - 1, '← Trang trước', 'prev')) : null,
    h('li', { class: 'pager-current' }, `Trang ${res.page}/${res.totalPages}`),
    res.page < res.totalPages ? h('li', {}, link(res.page + 1, 'Trang sau →', 'next')) : null));
}
