// @ts-check
// The shapes of what the server sends the back office (records, lists,
// meta.json), written as JSDoc types for the type checker (tsc -p
// admin/backoffice); answers.js has the answers of the portal's own routes,
// ui-types.js the back office's own shapes. Nothing here runs: modules name these types with
// `@import`, which lives in a comment, so the browser never loads this
// file.

// ---------------------------------------------------------------- records

/**
 * A record as PocketBase's REST API sends it: the system fields, then the
 * collection's own fields by name, whose values are JSON (read them
 * through a kind's type below, or check them before use).
 * @typedef {{
 *   id: string, collectionId: string, collectionName: string,
 *   created: string, updated: string,
 *   [field: string]: unknown,
 * }} RecordBase
 */

/**
 * The related records ?expand= adds, by relation field.
 * @typedef {Record<string, RecordBase | RecordBase[] | undefined>} Expand
 */

/**
 * The fields every public record has (articles, guides, documents,
 * initiatives, honourees, awards, units, indicators); the server owns
 * those after status and publishAt.
 * @typedef {{
 *   status: Status, publishAt: string, slug?: string, shortCode?: string, updatedBy?: string, statusBy?: string,
 *   statusAt?: string, returnComment?: string, returnedBy?: string, returnedAt?: string,
 * }} PublicFields
 * @typedef {'draft' | 'review' | 'published' | 'archived'} Status
 */

/**
 * A public record read without knowing its kind (the generic list, form,
 * history), with whatever it expanded.
 * @typedef {RecordBase & PublicFields & { expand?: Expand }} PublicRecord
 */

/** @typedef {RecordBase & PublicFields & { name: string, kind: string }} Unit */
/** @typedef {RecordBase & PublicFields & { name: string, kind: string, position: string, unit: string }} Honoree */
/** @typedef {RecordBase & PublicFields & { title: string, kind: string, unit: string }} Initiative */
/**
 * @typedef {RecordBase & PublicFields & {
 *   honoree: string, form: string, kind: string, year: number,
 *   decisionNo: string, decisionDate: string,
 *   expand?: { honoree?: Honoree },
 * }} Award
 */

/**
 * A staff account (the "staff" auth collection), as signed in.
 * @typedef {RecordBase & {
 *   email: string, name: string, role: string, unit: string,
 *   mfa?: boolean, mailOptOut?: boolean,
 * }} Staff
 */

/**
 * One step of a nomination's history, kept by the server.
 * @typedef {{ from?: string, to: string, actor?: string, at: string, comment?: string }} HistoryStep
 */

/**
 * What a report or nomination filed after its deadline carries.
 * @typedef {{ late?: boolean, daysLate?: number, lateDecision?: '' | 'pending' | 'accepted' | 'refused' }} Lateness
 */

/**
 * A nomination (hồ sơ đề nghị khen thưởng): for someone on the honour roll
 * (nominee) or someone new (nomineeName, nomineeKind, nomineePosition).
 * @typedef {RecordBase & Lateness & {
 *   unit: string, year: number, kind: string, state: string,
 *   nominee: string, nomineeName: string, nomineeKind: string, nomineePosition: string,
 *   requestedForm: string, decidedForm: string, achievements: string,
 *   criteria: string[], initiatives: string[], dossier: string[], awards: string[],
 *   history: HistoryStep[] | null, submittedAt: string,
 *   decisionNo: string, decisionDate: string, signer: string,
 *   expand?: { nominee?: Honoree, unit?: Unit, initiatives?: Initiative[], awards?: Award[] },
 * }} Nomination
 */

/**
 * A unit's yearly report and its key numbers.
 * @typedef {'dossiers' | 'onTimeRate' | 'onlineRate' | 'satisfaction' | 'initiativesApplied' | 'trainings'} ReportNumber
 * @typedef {RecordBase & Lateness & Record<ReportNumber, number | null> & {
 *   unit: string, year: number, state: string, summary: string,
 *   submittedAt: string, updatedBy: string, signedReport: string,
 *   expand?: { unit?: Unit },
 * }} UnitReport
 */

/**
 * What a citizen sent through the site's forms, as staff read it (the
 * contacts only reviewers get).
 * @typedef {RecordBase & {
 *   refCode: string, kind: string, state: string, page: string, topic: string,
 *   message: string, helpful: string, rating: number, service: string, channel: string,
 *   tags: string[] | null, initiative: string,
 *   answer: string, answerOffice: string, question?: string, answeredAt: string, answeredBy: string,
 *   publishConsent: boolean, published: boolean,
 *   name?: string, phone?: string, email?: string,
 *   consent?: boolean, consentAt?: string, consentVersion?: string, retainMonths?: number,
 *   contactsErasedAt: string, contactsErasedBy: string,
 * }} Feedback
 */

/**
 * The portal's settings (one record); loadConfig gives the plan's
 * deadline alone when it cannot be read.
 * @typedef {{
 *   id?: string, updated?: string, reportDeadline: string,
 *   summaryOpens?: string, summaryCloses?: string, contactRetentionMonths?: number,
 *   baseSalary?: number, rewardBudget?: number, maxPeopleAwards?: number, maxCollectiveAwards?: number,
 *   rewardCoefficients?: Record<string, { person: number, collective: number }> | null,
 *   unreadable?: boolean,
 * }} PortalConfig
 */

/**
 * The commune's identity record; its text fields are those meta.json's
 * commune.fields name.
 * @typedef {RecordBase & { commune: string, colour: string, planText: string, planFile: string, decisionBases?: string, decisionRecipients?: string, awardForms: string[] | null }} CommuneRecord
 */

/** @typedef {RecordBase & { title: string, body: string, read: boolean, link?: string }} Notice */
/** @typedef {RecordBase & { phrase: string, means: string }} Synonym */
/** @typedef {RecordBase & { unit: string, year: number, action: string, until: string, reason: string, expand?: { unit?: Unit } }} DeadlineException */
/** @typedef {RecordBase & { data: Record<string, unknown> | null, actor: string }} Revision */

/**
 * One entry of the audit log; changes says what changed, its shape by
 * action (fields, values {from, to}, the request refused…).
 * @typedef {RecordBase & {
 *   actor: string, action: string, collectionRef: string, recordRef: string,
 *   recordTitle: string, ip: string, changes: AuditChanges | null,
 * }} AuditEntry
 * @typedef {{
 *   fields?: unknown, values?: unknown, import?: unknown,
 *   from?: string, to?: string, text?: string, request?: string, query?: string, identity?: string,
 *   [key: string]: unknown,
 * }} AuditChanges
 */

/**
 * The record type of each collection the back office reads by name; any
 * other name (a public collection chosen at run time) reads as a
 * PublicRecord.
 * @typedef {{
 *   staff: Staff, units: Unit, honorees: Honoree, initiatives: Initiative, awards: Award,
 *   nominations: Nomination, unitReports: UnitReport, feedback: Feedback,
 *   commune: CommuneRecord, notices: Notice, searchSynonyms: Synonym,
 *   deadlineExceptions: DeadlineException, revisions: Revision, auditLog: AuditEntry,
 *   portalConfig: RecordBase & PortalConfig,
 * }} RecordTypes
 */
/**
 * @template {string} C
 * @typedef {C extends keyof RecordTypes ? RecordTypes[C] : PublicRecord} RecordOf
 */

/**
 * A page of a list (GET /api/collections/{c}/records).
 * @template T
 * @typedef {{ page: number, perPage: number, totalItems: number, totalPages: number, items: T[] }} ListResult
 */

/**
 * Records found by their words, diacritics folded (GET
 * /api/portal/find/{c}, admin/find.go): ids and titles, in the order asked.
 * @typedef {{ totalItems: number, items: { id: string, title: string }[] }} Found
 */

/**
 * A guide's step.
 * @typedef {{ title: string, text?: string, link?: string, linkText?: string, cost?: string, logic?: string }} Step
 */

// ---------------------------------------------------------------- meta.json

/**
 * What meta.json says of a field: its type and limits as the database has
 * them (admin/backoffice/backoffice.go, fieldMeta).
 * @typedef {{
 *   name: string, type: string, required?: boolean, max?: number, min?: number,
 *   maxSelect?: number, maxSize?: number, mimeTypes?: string[], values?: string[],
 *   onlyInt?: boolean, collection?: string,
 * }} FieldMeta
 * @typedef {{ id: string, name: string, fields: FieldMeta[] }} CollectionMeta
 * @typedef {{ key: string, label: string }} VocabOption
 */

/**
 * What meta.json tells of the commune (identity.go, identityMeta).
 * @typedef {{
 *   siteName: string, mark: string, owner: string, banner?: string, setUp: boolean,
 *   fields: { name: string, label: string, max: number, required: boolean }[],
 *   fieldsEn?: { name: string, label: string, max: number, required: boolean }[],
 *   palette: { key: string, label: string, brand: string }[],
 *   awardForms: string[], formsInUse: string[] | null,
 * }} CommuneMeta
 */

/**
 * What meta.json tells of a kind of public record, from its descriptor
 * (records/<kind>/kind.go; admin/backoffice/backoffice.go, kindMeta).
 * @typedef {{
 *   section?: string, noun: string, label: string, titleField?: string, linkable?: boolean,
 *   editors: string[], publishers: string[], form?: KindForm,
 * }} KindMeta
 */

/**
 * The form of a kind that collections.js does not describe, from its
 * descriptor (records/record/form.go): the shape of a collections.js entry
 * without its filters and title field (the kind's).
 * @typedef {{
 *   path: string, title: string, one: string, newLabel: string,
 *   search: string[], column: { field: string, label: string }, sort?: string,
 *   fields: { name: string, label: string, widget: string, hint?: string, rows?: number }[],
 * }} KindForm
 */

/**
 * /quan-tri/meta.json: the collections' fields, the kinds of public
 * record, the fixed choices with their labels, and the commune.
 * @typedef {{
 *   collections: Record<string, CollectionMeta>, kinds?: Record<string, KindMeta>,
 *   vocab: Record<string, VocabOption[]>, commune?: CommuneMeta,
 * }} Meta
 */

export {};
