// @ts-check
// What each role may do, as the collections' API rules say
// (migrations/1780000200_staff_roles.go). The back office only uses
// this to show the actions a person may take; the API decides, and a 403
// from it is shown as it comes.

import { auth } from './api.js';
import { meta } from './schema.js';

/**
 * What the rules read of a record: its state and its unit.
 * @typedef {{ status?: string, unit?: unknown }} Owned
 */

/**
 * editors are the roles that create and change records of the collection,
 * as its kind's descriptor says (meta.json).
 * @param {string} collection
 * @returns {string[]}
 */
const editors = (collection) => (meta.kinds && meta.kinds[collection] ? meta.kinds[collection].editors : []);

/** @type {Record<string, string>} */
export const roleLabel = {
  editor: 'Biên tập viên',
  reviewer: 'Cán bộ thẩm định',
  unitReporter: 'Cán bộ đầu mối đơn vị',
};

const isEditor = () => auth.role === 'editor';
const isReviewer = () => auth.role === 'reviewer';
const isReporter = () => auth.role === 'unitReporter';
const ownUnit = (/** @type {Owned} */ r) => isReporter() && !!auth.unit && r && r.unit === auth.unit;

/**
 * canSee: the collection is in the menu. A unit's reporter sees only their
 * unit's initiatives (the rest is published and on the public site).
 * @param {string} collection
 */
export function canSee(collection) {
  if (collection === 'auditLog') return isReviewer();
  if (collection === 'initiatives') return true;
  return isEditor() || isReviewer();
}

/** @param {string} collection */
export function canCreate(collection) {
  if (collection === 'initiatives') return isEditor() || isReviewer() || (isReporter() && !!auth.unit);
  return !!auth.role && editors(collection).includes(auth.role);
}

/**
 * canEdit: the record, in its current state, may be changed by this person.
 * @param {string} collection
 * @param {Owned | null} r
 */
export function canEdit(collection, r) {
  if (!r || collection !== 'initiatives') return canCreate(collection);
  if (isReviewer()) return true;
  if (isEditor()) return r.status !== 'published' && r.status !== 'archived';
  return ownUnit(r) && (r.status === 'draft' || r.status === 'review');
}

/**
 * statuses: the states this person may move a record of the collection to.
 * @param {string} collection
 * @returns {string[]}
 */
export function statuses(collection) {
  if (collection === 'initiatives' && !isReviewer()) return ['draft', 'review'];
  return ['draft', 'review', 'published', 'archived'];
}

/**
 * @param {string} collection
 * @param {Owned | null} r
 */
export function canDelete(collection, r) {
  if (!r) return false;
  if (isReviewer()) return true;
  if (collection === 'initiatives') return (isEditor() || ownUnit(r)) && r.status === 'draft';
  return isEditor() && editors(collection).includes('editor') && r.status === 'draft';
}

export function canRebuild() {
  return isEditor() || isReviewer();
}

export function canSeeHistory() {
  return isEditor() || isReviewer() || isReporter();
}

/**
 * lockedUnit is the unit a reporter must file under.
 * @param {string} collection
 */
export function lockedUnit(collection) {
  return collection === 'initiatives' && isReporter() ? auth.unit : '';
}

// editable lists the collections this person writes, for the dashboard.
export function editable() {
  return ['articles', 'guides', 'documents', 'initiatives', 'honorees', 'awards', 'units', 'indicators'].filter(canCreate);
}

// The award process and the citizens' feedback, as the
// rules of nominations, unitReports, portalConfig and feedback and the
// portal's routes (admin/admin.go) allow them.
export const can = {
  // nominations and yearly reports: reviewers for every unit, a unit's
  // reporter for their own
  nominations: () => isReviewer() || (isReporter() && !!auth.unit),
  reports: () => isReviewer() || (isReporter() && !!auth.unit),
  // summary-award eligibility, exports, the deadline: reviewers
  eligibility: () => isReviewer(),
  exports: () => isReviewer(),
  settings: () => isReviewer(),
  // the feedback queue: editors and reviewers; contacts: reviewers only
  feedback: () => isEditor() || isReviewer(),
  // the search synonyms: editors and reviewers
  synonyms: () => isEditor() || isReviewer(),
  contacts: () => isReviewer(),
  // deciding on a nomination: reviewers
  decide: () => isReviewer(),
  // filing a nomination or a report for a unit
  file: () => isReviewer() || (isReporter() && !!auth.unit),
};

export { isEditor, isReviewer, isReporter };
