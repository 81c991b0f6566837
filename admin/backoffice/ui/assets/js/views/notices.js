// @ts-check
// The in-app notices of the person signed in: reminders of deadlines,
// dossiers returned or decided, filings awaiting review. Each links to
// what it is about and can be marked read.

/**
 * @import { Card } from '../ui-types.js'
 */

import { list, update, auth, asApiError } from '../api.js';
import { h, fill, formatDateTime, q } from '../util.js';
import { BASE } from '../nav.js';

/**
 * loadNotices fills a dashboard card with the unread notices, newest first.
 * @param {Card} sec
 */
export async function loadNotices(sec) {
  try {
    // One's own only (IT's superuser sessions would otherwise see everyone's):
    // a staff member's, or a superuser's (builds failing for long).
    const me = q(auth.record ? auth.record.id : '');
    const res = await list('notices', { filter: `read = false && (staff = ${me} || superuser = ${me})`, sort: '-created', perPage: 10 });
    if (!res.items.length) {
      fill(sec.body, h('p', { class: 'muted' }, sec.empty));
      return;
    }
    fill(sec.body, h('ul', { class: 'mini-list notices' }, res.items.map((n) => {
      const li = h('li', {},
        h('strong', {}, n.title),
        n.body ? h('p', { class: 'notice-body' }, n.body) : null,
        h('span', { class: 'mini-meta' }, formatDateTime(n.created), ' · ',
          // What it is about (the dossier, the report), in the back office.
          n.link && n.link.startsWith(BASE) && n.link !== BASE ? [h('a', { href: n.link }, 'Xem chi tiết'), ' · '] : null,
          h('button', {
            type: 'button', class: 'btn-link',
            onclick: async () => {
              try {
                await update('notices', n.id, { read: true });
                li.remove();
              } catch (e) { /* stays listed; the next visit tries again */ }
            },
          }, 'Đã đọc')));
      return li;
    })));
  } catch (e) {
    fill(sec.body, h('p', { class: 'muted' }, `Không tải được: ${asApiError(e).message}`));
  }
}
