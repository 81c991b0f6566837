// @ts-check
// File sniffing: what a file is, read from its first bytes, and whether it
// may be uploaded. The server checks the same by the file's content; this
// only says so sooner.

import { formatBytes } from '../util.js';

/**
 * A test of a file's first bytes (and name) for one type.
 * @typedef {(b: Uint8Array, name: string) => boolean} Signature
 */

/** @type {Record<string, Signature>} */
const SIGNATURES = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};

/**
 * checkImage tells why a file may not be uploaded, or '' when it may: the
 * server checks the same (type by content, size), this only says so sooner.
 * @param {File} file
 * @param {number | undefined} maxSize
 * @param {string[] | undefined} types
 */
export async function checkImage(file, maxSize, types) {
  const allowed = types && types.length ? types : Object.keys(SIGNATURES);
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const kind = Object.keys(SIGNATURES).find((t) => SIGNATURES[t](bytes, file.name));
  if (!kind || !allowed.includes(kind)) {
    return `Tệp “${file.name}” không phải ảnh JPEG, PNG hoặc WebP. Hãy chọn một tệp ảnh.`;
  }
  if (maxSize && file.size > maxSize) {
    return `Ảnh “${file.name}” nặng ${formatBytes(file.size)}, vượt quá ${formatBytes(maxSize)}. Hãy chọn ảnh nhỏ hơn hoặc giảm kích thước ảnh.`;
  }
  return '';
}

const isZip = (/** @type {Uint8Array} */ b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOLE = (/** @type {Uint8Array} */ b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

/** @type {Record<string, Signature>} */
const DOC_SIGNATURES = {
  'application/pdf': (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d,
  // A DOCX is a ZIP archive; the server reads inside it.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b, name) => isZip(b) && /\.docx$/i.test(name),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b, name) => isZip(b) && /\.xlsx$/i.test(name),
  // Word 97–2003 and Excel 97–2003 are OLE2 files.
  'application/msword': (b, name) => isOLE(b) && /\.doc$/i.test(name),
  'application/vnd.ms-excel': (b, name) => isOLE(b) && /\.xls$/i.test(name),
  ...SIGNATURES,
};

/**
 * checkDocument tells why a file may not join a dossier, or '' when it may.
 * The server checks the same by the file's content.
 * @param {File} file
 * @param {number | undefined} maxSize
 * @param {string[] | undefined} types
 */
export async function checkDocument(file, maxSize, types) {
  const allowed = types && types.length ? types : Object.keys(DOC_SIGNATURES);
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const kind = Object.keys(DOC_SIGNATURES).find((t) => DOC_SIGNATURES[t](bytes, file.name));
  if (!kind || !allowed.includes(kind)) {
    return allowed.some((t) => t.startsWith('image/'))
      ? `Tệp “${file.name}” không phải PDF, DOCX hay ảnh JPEG, PNG, WebP. Hãy chọn tệp đúng loại (tệp .doc cũ hãy lưu lại thành .docx hoặc PDF).`
      : `Tệp “${file.name}” không phải văn bản PDF, Word (DOC, DOCX) hay Excel (XLS, XLSX). Hãy chọn đúng tệp văn bản.`;
  }
  if (maxSize && file.size > maxSize) {
    return `Tệp “${file.name}” nặng ${formatBytes(file.size)}, vượt quá ${formatBytes(maxSize)}. Hãy chọn tệp nhỏ hơn, ví dụ quét tài liệu với độ phân giải thấp hơn.`;
  }
  return '';
}
