// @ts-check
// Units: a select of every unit, read once and kept.

/**
 * @import { Unit } from '../types.js'
 * @import { WidgetMaker } from '../ui-types.js'
 */

import { h, vietnamese } from '../util.js';
import { list } from '../api.js';
import { fieldMeta } from '../schema.js';
import { frame, setInvalid } from './field.js';

/** @type {Promise<Unit[]> | null} */
let unitsCache = null;
/**
 * loadUnits reads every unit once (id, name, status), in Vietnamese order.
 * @returns {Promise<Unit[]>}
 */
export async function loadUnits() {
  if (!unitsCache) {
    unitsCache = list('units', { perPage: 500, sort: 'name', fields: 'id,name,status' })
      .then((r) => r.items.sort((a, b) => vietnamese(a.name, b.name)))
      .catch((e) => { unitsCache = null; throw e; });
  }
  return unitsCache;
}
/** forgetUnits makes the next loadUnits read the units again. */
export function forgetUnits() { unitsCache = null; }

/**
 * A select of every unit; for a unit's reporter (opts.lockedUnit) their
 * own unit alone, fixed: the server refuses any other, so none is offered.
 * @type {WidgetMaker}
 */
export function unitWidget(def, value, opts) {
  const id = `f-${def.name}`;
  const m = fieldMeta(opts.collection, def.name);
  const locked = opts.lockedUnit;
  const sel = h('select', { id, name: def.name, disabled: !!locked },
    locked ? h('option', { value: locked }, 'Đơn vị của bạn') : h('option', { value: '' }, '— Không chọn —'));
  const { el, err } = frame({ ...def, required: def.required || m.required, hint: locked ? (def.lockedHint || 'Đơn vị của bạn (cán bộ đầu mối chỉ đề xuất cho đơn vị mình).') : def.hint }, id, sel);
  let current = locked || (value ? String(value) : '');
  loadUnits().then((units) => {
    if (locked) {
      const own = units.find((u) => u.id === locked);
      if (own) sel.replaceChildren(h('option', { value: locked }, own.name));
      return;
    }
    for (const u of units) sel.append(h('option', { value: u.id }, u.name + (u.status === 'published' ? '' : ' (chưa xuất bản)')));
    if (current && !units.some((u) => u.id === current)) sel.append(h('option', { value: current }, `Đơn vị ${current}`));
    sel.value = current;
  }).catch(() => {
    setInvalid(sel, err, 'Không tải được danh sách đơn vị. Hãy tải lại trang.');
  });
  sel.addEventListener('change', () => { current = sel.value; });
  return { el, focusId: id, get: () => (locked || current), key: () => current, setError: (msg) => setInvalid(sel, err, msg) };
}
