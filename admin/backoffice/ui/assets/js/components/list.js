// @ts-check
// What every list of the back office shows under its filters: how many
// there are, then the error, a sentence when there is nothing, or the
// table, then the pager; and the filter form's submit, which puts the
// filters in the address so that Back and a shared link show the same list.

/**
 * @import { ListResult } from '../types.js'
 */

import { h, formatNumber } from '../util.js';
import { navigate } from '../nav.js';
import { pager } from './pager.js';

/**
 * listError says why a list could not be read: a refusal as such, other
 * errors by their (already Vietnamese) message.
 * @param {{ status?: number, message: string }} error
 */
export function listError(error) {
  return h('div', { class: 'notice notice-error', role: 'alert' },
    error.status === 403 ? 'Bạn không có quyền xem danh sách này.' : error.message);
}

/**
 * recordsTable is a list's table: a caption for screen readers, one head a
 * column (null leaves the column out), and the rows.
 * @param {{ class?: string, caption: string, heads: (string | Node | null)[], rows: Node[] }} o
 */
export function recordsTable(o) {
  return h('table', { class: o.class || 'records' },
    h('caption', { class: 'visually-hidden' }, o.caption),
    h('thead', {}, h('tr', {}, o.heads.map((x) => (x === null ? null : h('th', { scope: 'col' }, x))))),
    h('tbody', {}, o.rows));
}

/**
 * listParts are the parts of a page of a PocketBase list under its
 * filters: the count ("42 mục, trang 2/3"), the error, the empty sentence
 * or the table (made from the page only when it has items), and the pager.
 * @template T
 * @param {{
 *   res?: ListResult<T> | null, error?: { status?: number, message: string } | null,
 *   page: number, query: URLSearchParams, noun?: string, empty: string,
 *   table: (res: ListResult<T>) => Node,
 * }} o
 */
export function listParts({ res, error, page, query, noun = 'mục', empty, table }) {
  return [
    res ? h('p', { class: 'result-count', role: 'status' },
      `${formatNumber(res.totalItems)} ${noun}` + (res.totalPages > 1 ? `, trang ${page}/${res.totalPages}` : '')) : null,
    error ? listError(error)
      : !res ? null
        : res.items.length === 0 ? h('p', { class: 'empty' }, empty)
          : table(res),
    res ? pager(res, query) : null,
  ];
}

/**
 * filterTo is the submit handler of a filter form: the filled fields,
 * trimmed, become the query of path (the list's address), which is shown.
 * @param {string} path
 * @returns {(e: SubmitEvent & { currentTarget: HTMLFormElement }) => void}
 */
export function filterTo(path) {
  return (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    const form = e.currentTarget;
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    const s = params.toString();
    navigate(path + (s ? '?' + s : ''));
  };
}
