// @ts-check
// The answers of the portal's own routes (site status, reports, reminders,
// eligibility, feedback statistics, health, the Markdown preview), written
// as JSDoc types for the type checker; types.js has the records and
// meta.json. Nothing here runs: modules name these types with `@import`.

/**
 * GET /api/site/status (site/status.go).
 * @typedef {{
 *   started: string, reason?: string, error?: string, pages?: number, durationMs?: number,
 *   nextPublish?: string, warnings?: string,
 *   problems?: { collection: string, id: string, title?: string, message: string }[],
 * }} BuildReport
 * @typedef {{ started: string, error?: string, uploaded?: number, deleted?: number, refused?: boolean,
 *   missingFiles?: { collection: string, id: string, title?: string, field: string, file: string }[] }} DeployReport
 * @typedef {{ building: boolean, last?: BuildReport, lastSuccess?: BuildReport, failingSince?: string, deploy?: DeployReport }} SiteStatus
 */

/**
 * GET /api/portal/reports?year= (admin/awards/reports.go).
 * @typedef {{
 *   unitId: string, unit: string, state: string, submittedAt?: string,
 *   dossiers: number, onTimeRate: number, onlineRate: number, initiativesApplied: number, trainings: number,
 *   reportId?: string, timeliness: string, timelinessLabel: string }} ReportRow
 * @typedef {{ units?: number, filed?: number, missing?: number, dossiers?: number, onTimeRate?: number,
 *   onlineRate?: number, initiativesApplied?: number, trainings?: number }} ReportTotals
 * @typedef {{ deadline: string, closed: boolean, totals?: ReportTotals, units: ReportRow[] | null }} ReportsSummary
 */

/**
 * GET /api/portal/overdue (admin/awards/overdue.go).
 * @typedef {{ unitId: string, unit: string, year: number, subject: string, subjectLabel: string, deadline: string, daysOverdue: number }} Overdue
 */

/**
 * POST /api/portal/reports/remind, GET /api/portal/reports/reminded (admin/reminders/nudge.go):
 * whom a reviewer reminded; the units reminded today, with the time ("HH:MM").
 * @typedef {{ reminded: string[], message: string }} Reminded
 * @typedef {{ units: Record<string, string> }} RemindedToday
 */

/**
 * GET /api/portal/eligibility (admin/awards/eligibility.go).
 * @typedef {{ collection: string, id: string, title: string, year: number }} Evidence
 * @typedef {{ code: string, met: boolean, text: string, evidence: Evidence[] | null }} Criterion
 * @typedef {{
 *   honoreeId: string, name: string, kind: string, kindLabel: string, unit: string,
 *   eligible: boolean, criteria: Criterion[] | null, note: string,
 * }} Eligible
 */

/**
 * GET /api/portal/feedback/stats (admin/feedback/staffroutes.go).
 * @typedef {{
 *   months: { month: string, byKind: Record<string, number>, total: number }[],
 *   pages: { page: string, yes: number, no: number, comments: number }[] | null,
 *   satisfaction?: { average: number, count: number },
 * }} FeedbackStats
 */

/**
 * GET /api/health (ops/health.go): what reviewers read of it; errors and
 * warnings come to staff only.
 * @typedef {{ configured: boolean, ok: boolean, at?: string, error?: string }} HealthPart
 * @typedef {{
 *   status: string, reason?: string, ok: boolean,
 *   build?: HealthPart, deploy?: HealthPart, replication?: HealthPart, backup?: HealthPart,
 *   address?: { url: string, loopback: boolean, warning?: string },
 * }} PortalHealth
 * @typedef {{ code?: number, message?: string, data?: { portal?: PortalHealth } }} Health
 */

/**
 * POST /api/portal/markdown: the HTML of a Markdown text and what in it
 * must be fixed before saving.
 * @typedef {{ html?: string, problems?: string[] }} MarkdownPreview
 */

export {};
