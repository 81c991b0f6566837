// @ts-check
// Files from the server: downloads saved under the name the server gives,
// HTML opened in a new tab, protected files read with a file token.

import { request, fileURL } from './api.js';

/**
 * fileName reads the name a download should be saved under from the
 * answer's Content-Disposition (filename*=UTF-8''… or filename="…").
 * @param {Response} res
 * @param {string} fallback
 */
function fileName(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  let m = cd.match(/filename\*\s*=\s*UTF-8''([^;]+)/i);
  if (m) {
    try { return decodeURIComponent(m[1].trim()); } catch { /* a damaged name: the next rule */ }
  }
  m = cd.match(/filename\s*=\s*"([^"]+)"/i) || cd.match(/filename\s*=\s*([^;]+)/i);
  return m ? m[1].trim() : fallback;
}

/**
 * saveBlob hands a file to the browser to save, under name.
 * @param {Blob} blob
 * @param {string} name
 */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has read the file by the time it asks where to save it.
  setTimeout(() => URL.revokeObjectURL(url), 60 * 1000);
}

/**
 * download fetches a file the API gives only to staff (an export), with the
 * session's token in the Authorization header, and saves it under the name
 * the server gives. It returns that name.
 * @param {string} path
 */
export async function download(path, fallbackName = 'tai-ve') {
  const res = await request('GET', path, undefined, { raw: true });
  const name = fileName(res, fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/**
 * openHTML fetches a page the API gives only to staff (the printable list
 * of a decision) and opens it in a new tab from a blob: address, which
 * shows it as it is (no script runs in it: the page has none and the back
 * office's policy applies). It says whether the browser opened the new
 * tab, with the address to offer as a link when it blocked it.
 * @param {string} path
 */
export async function openHTML(path) {
  const res = await request('GET', path, undefined, { raw: true });
  const blob = new Blob([await res.text()], { type: 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60 * 1000);
  const w = window.open(url, '_blank');
  return { opened: !!w, url };
}

/**
 * fileToken asks for a short-lived token (a few minutes) that opens the
 * protected files this person may read, such as a nomination's dossier.
 * @returns {Promise<string>}
 */
export async function fileToken() {
  const res = /** @type {{ token: string }} */ (await request('POST', '/api/files/token'));
  return res.token;
}

/**
 * downloadProtected saves a protected file of a record under its name
 * (saveAs, or the stored one).
 * @param {{ collectionId: string, id: string }} record
 * @param {string} name
 * @param {string} [saveAs]
 */
export async function downloadProtected(record, name, saveAs) {
  const token = await fileToken();
  const res = await request('GET', `${fileURL(record, name)}?token=${encodeURIComponent(token)}`, undefined, { raw: true });
  saveBlob(await res.blob(), saveAs || name);
}
