// @ts-check
// What the portal's health says reviewers must know on the dashboard: a
// public address that leads nowhere outside the server (mails and printed
// QR codes would carry it), backups missing or failed, the database's
// copy off the machine stopped. Each comes from GET /api/health, whose
// reasons only staff read; nothing is shown when all is well.

/**
 * @import { Health, PortalHealth } from '../answers.js'
 */

import { request } from '../api.js';
import { h, fill } from '../util.js';

/**
 * opsNotices returns the box of the health's warnings, and adds its
 * loading to loaders.
 * @param {Promise<void>[]} loaders
 */
export function opsNotices(loaders) {
  const el = h('div', { class: 'ops-notices' });
  loaders.push(loadOpsNotices(el));
  return el;
}

/**
 * loadOpsNotices fills el with the health's warnings for reviewers.
 * @param {HTMLElement} el
 */
async function loadOpsNotices(el) {
  /** @type {Health} */
  let health;
  try {
    health = /** @type {Health} */ (await request('GET', '/api/health'));
  } catch {
    return; // the build card says when the server cannot be reached
  }
  /** @type {Partial<PortalHealth>} */
  const p = (health && health.data && health.data.portal) || {};
  /** @type {[string, string][]} */
  const notices = [];
  if (p.address && p.address.loopback) {
    notices.push(['Địa chỉ công khai của cổng chưa được đặt', `${p.address.warning || ''} Hãy chuyển thông báo này cho bộ phận công nghệ thông tin.`]);
  }
  if (p.backup && p.backup.configured && !p.backup.ok) {
    notices.push(['Sao lưu dữ liệu cần được kiểm tra', `${p.backup.error || ''} Hãy báo bộ phận công nghệ thông tin.`]);
  }
  if (p.replication && p.replication.configured && !p.replication.ok) {
    notices.push(['Bản sao dữ liệu ngoài máy chủ đang ngừng', `${p.replication.error || ''} Hãy báo bộ phận công nghệ thông tin.`]);
  }
  fill(el, notices.map(([title, text]) => h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'notice-title' }, title), h('p', {}, text))));
}
