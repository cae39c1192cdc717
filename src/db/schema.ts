import { sql } from "drizzle-orm";
import type { CriteriaSet, LeafInput, SurveyInput } from "../domain/par-index/types.js";
import type { AssessmentSummary } from "../domain/par-index/assessment.js";
import type { ReportDraft, ReportSettings } from "../domain/reports/types.js";
import type { CampaignCriterion, ProposalEntry } from "../domain/emulation/types.js";
import type { InitiativeAuthor } from "../domain/initiatives.js";
import {
  bigserial, boolean, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";

/**
 * Every table but `organisations` carries `org_id`: the tenant (a commune or a
 * province). Queries are always scoped by it on the server.
 */
const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);
const orgId = () => uuid("org_id").notNull().references(() => organisations.id, { onDelete: "cascade" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const isoDate = (name: string) => date(name, { mode: "string" });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const organisations = pgTable("organisations", {
  id: id(),
  parentId: uuid("parent_id").references((): any => organisations.id),
  kind: text("kind", { enum: ["province", "commune", "district"] }).notNull(),
  name: text("name").notNull(),
  code: text("code").notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("organisations_code_uq").on(t.code), index("organisations_parent_idx").on(t.parentId)]);

export const units = pgTable("units", {
  id: id(),
  orgId: orgId(),
  code: text("code"),
  name: text("name").notNull(),
  abbreviations: jsonb("abbreviations").$type<string[]>().notNull().default([]),
  kind: text("kind", { enum: ["unit", "officer-title", "organisation", "leadership", "generic"] }).notNull().default("unit"),
  active: boolean("active").notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index("units_org_idx").on(t.orgId), uniqueIndex("units_org_code_uq").on(t.orgId, t.code)]);

export const ROLES = ["province_admin", "province_viewer", "chairman", "focal_point", "unit_officer"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable("users", {
  id: id(),
  orgId: orgId(),
  username: text("username").notNull(),
  fullName: text("full_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  active: boolean("active").notNull().default(true),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("users_username_uq").on(t.username), index("users_org_idx").on(t.orgId)]);

export const userUnits = pgTable("user_units", {
  orgId: orgId(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "cascade" }),
}, (t) => [primaryKey({ columns: [t.userId, t.unitId] }), index("user_units_unit_idx").on(t.unitId)]);

export const sessions = pgTable("sessions", {
  /** sha256 of the cookie token: a stolen table does not give usable sessions. */
  tokenHash: text("token_hash").primaryKey(),
  orgId: orgId(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
}, (t) => [index("sessions_user_idx").on(t.userId)]);

export const PLAN_TYPES = ["annual", "remediation", "emulation", "topical"] as const;
export const PLAN_STATUSES = ["draft", "active", "closed"] as const;

export const plans = pgTable("plans", {
  id: id(),
  orgId: orgId(),
  type: text("type", { enum: PLAN_TYPES }).notNull(),
  number: text("number"),
  issuedDate: isoDate("issued_date"),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  issuer: text("issuer"),
  signerName: text("signer_name"),
  signerTitle: text("signer_title"),
  legalBases: jsonb("legal_bases").$type<string[]>().notNull().default([]),
  status: text("status", { enum: PLAN_STATUSES }).notNull().default("draft"),
  /** Plan cascade: the province's plan this commune plan was created from (docs/cascade.md). */
  sourcePlanId: uuid("source_plan_id").references((): any => plans.id, { onDelete: "set null" }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("plans_org_year_idx").on(t.orgId, t.year), uniqueIndex("plans_org_source_plan_uq").on(t.orgId, t.sourcePlanId)]);

export const tasks = pgTable("tasks", {
  id: id(),
  orgId: orgId(),
  planId: uuid("plan_id").notNull().references(() => plans.id, { onDelete: "cascade" }),
  ref: text("ref"),
  area: text("area"),
  title: text("title").notNull(),
  product: text("product"),
  timelineText: text("timeline_text"),
  milestones: jsonb("milestones").$type<string[]>().notNull().default([]),
  dueDate: isoDate("due_date"),
  /** The due date as planned, before any approved extension. */
  originalDueDate: isoDate("original_due_date"),
  recurrence: text("recurrence"),
  criteria: jsonb("criteria").$type<string[]>().notNull().default([]),
  budgetSource: text("budget_source"),
  sortOrder: integer("sort_order").notNull().default(0),
  /** Facts kept by the update command; the status itself is always derived. */
  progress: integer("progress").notNull().default(0),
  doneOn: isoDate("done_on"),
  lastUpdateAt: timestamp("last_update_at", { withTimezone: true }),
  /** Plan cascade: on a province's task, "nhiệm vụ giao cấp xã" (a template for its communes). */
  forCommunes: boolean("for_communes").notNull().default(false),
  /** Plan cascade: on a commune's task, the provincial task it serves (docs/cascade.md). */
  sourceTaskId: uuid("source_task_id").references((): any => tasks.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder), index("tasks_org_due_idx").on(t.orgId, t.dueDate), index("tasks_source_task_idx").on(t.sourceTaskId)]);

export const taskUnits = pgTable("task_units", {
  orgId: orgId(),
  taskId: uuid("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  role: text("role", { enum: ["lead", "support"] }).notNull(),
  position: integer("position").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.taskId, t.unitId, t.role] }), index("task_units_unit_idx").on(t.unitId)]);

export const taskUpdates = pgTable("task_updates", {
  id: id(),
  orgId: orgId(),
  taskId: uuid("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
  date: isoDate("date").notNull(),
  progress: integer("progress"),
  note: text("note").notNull().default(""),
  statusChange: text("status_change", { enum: ["done", "reopened"] }),
  /** For recurring tasks: the check-in period this update reports on. */
  period: text("period"),
  /** Chosen by the browser per update, so that a retried upload is stored once. */
  clientKey: text("client_key"),
  createdAt: createdAt(),
}, (t) => [index("task_updates_task_idx").on(t.taskId, t.date), uniqueIndex("task_updates_client_key_uq").on(t.taskId, t.clientKey)]);

export const evidenceFiles = pgTable("evidence_files", {
  id: id(),
  orgId: orgId(),
  taskId: uuid("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  updateId: uuid("update_id").references(() => taskUpdates.id, { onDelete: "cascade" }),
  filename: text("filename").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  isPublic: boolean("is_public").notNull().default(false),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("evidence_task_idx").on(t.taskId), index("evidence_update_idx").on(t.updateId)]);

export const extensionRequests = pgTable("extension_requests", {
  id: id(),
  orgId: orgId(),
  taskId: uuid("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
  requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
  requestedAt: createdAt(),
  currentDue: isoDate("current_due"),
  proposedDue: isoDate("proposed_due").notNull(),
  reason: text("reason").notNull(),
  status: text("status", { enum: ["pending", "approved", "refused"] }).notNull().default("pending"),
  decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decisionNote: text("decision_note"),
}, (t) => [index("extensions_org_status_idx").on(t.orgId, t.status), index("extensions_task_idx").on(t.taskId)]);

export const targets = pgTable("targets", {
  id: id(),
  orgId: orgId(),
  planId: uuid("plan_id").notNull().references(() => plans.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  op: text("op"),
  value: numeric("value", { mode: "number" }),
  unit: text("unit"),
  dataSource: text("data_source", { enum: ["manual", "computed"] }).notNull().default("manual"),
  /** Which computed indicator feeds the target, when dataSource is "computed". */
  indicatorKey: text("indicator_key"),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index("targets_plan_idx").on(t.planId)]);

export const targetUnits = pgTable("target_units", {
  orgId: orgId(),
  targetId: uuid("target_id").notNull().references(() => targets.id, { onDelete: "cascade" }),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  role: text("role", { enum: ["monitor", "implement"] }).notNull(),
  position: integer("position").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.targetId, t.unitId, t.role] })]);

export const targetValues = pgTable("target_values", {
  id: id(),
  orgId: orgId(),
  targetId: uuid("target_id").notNull().references(() => targets.id, { onDelete: "cascade" }),
  period: text("period").notNull(),
  value: numeric("value", { mode: "number" }).notNull(),
  note: text("note"),
  recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
  recordedAt: createdAt(),
}, (t) => [uniqueIndex("target_values_period_uq").on(t.targetId, t.period)]);

export const notifications = pgTable("notifications", {
  id: id(),
  orgId: orgId(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: ["due_soon", "overdue", "extension_requested", "extension_decided", "missing_checkin", "target_at_risk", "report_due", "report_returned", "finding_due_soon", "finding_overdue"] }).notNull(),
  taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
  planId: uuid("plan_id").references(() => plans.id, { onDelete: "cascade" }),
  /** For inspection reminders: the finding to open. */
  findingId: uuid("finding_id"),
  message: text("message").notNull(),
  /** One reminder of a kind per task, user and day, however often the job runs. */
  dedupeKey: text("dedupe_key").notNull(),
  createdAt: createdAt(),
  readAt: timestamp("read_at", { withTimezone: true }),
}, (t) => [uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey), index("notifications_user_idx").on(t.userId, t.createdAt)]);

export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  orgId: orgId(),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  summary: text("summary").notNull(),
  changes: jsonb("changes").$type<Record<string, unknown>>(),
}, (t) => [index("audit_org_at_idx").on(t.orgId, t.at), index("audit_entity_idx").on(t.entity, t.entityId)]);

/**
 * One-stop-shop records imported from the provincial system (contract
 * dossiers.md). Keyed by the commune and the record's code, so a re-import of an
 * overlapping export updates rows instead of duplicating them.
 */
export const dossiers = pgTable("dossiers", {
  orgId: orgId(),
  code: text("code").notNull(),
  procedureCode: text("procedure_code").notNull(),
  procedureName: text("procedure_name"),
  fieldCode: text("field_code"),
  fieldName: text("field_name"),
  unitName: text("unit_name"),
  channel: integer("channel").notNull(),
  level: integer("level"),
  applicantType: integer("applicant_type"),
  status: integer("status").notNull(),
  submitted: isoDate("submitted"),
  accepted: isoDate("accepted"),
  due: isoDate("due"),
  timeLimit: numeric("time_limit", { mode: "number" }),
  timeUnit: text("time_unit"),
  ended: isoDate("ended"),
  returned: isoDate("returned"),
  refused: isoDate("refused"),
  supplementCount: integer("supplement_count").notNull().default(0),
  supplementRequested: isoDate("supplement_requested"),
  supplementReturned: isoDate("supplement_returned"),
  apology: isoDate("apology"),
  newDue: isoDate("new_due"),
  fee: numeric("fee", { mode: "number" }).notNull().default(0),
  paidOnline: integer("paid_online").notNull().default(0),
  digitised: boolean("digitised").notNull().default(false),
  reused: boolean("reused").notNull().default(false),
  fromStore: boolean("from_store").notNull().default(false),
  citizenData: boolean("citizen_data").notNull().default(false),
  eResult: boolean("e_result").notNull().default(false),
  resultDigitised: boolean("result_digitised"),
  resultInStore: boolean("result_in_store").notNull().default(false),
  synced: boolean("synced").notNull().default(false),
  vneid: boolean("vneid").notNull().default(false),
  rating: text("rating"),
  hasFeedback: boolean("has_feedback").notNull().default(false),
  importId: uuid("import_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.code] }), index("dossiers_org_accepted_idx").on(t.orgId, t.accepted)]);

export const procedures = pgTable("procedures", {
  orgId: orgId(),
  code: text("code").notNull(),
  name: text("name"),
  levels: jsonb("levels").$type<string[]>().notNull(),
  fieldCode: text("field_code"),
  fieldName: text("field_name"),
  onlineLevel: text("online_level").notNull(),
  eligibleFullyOnline: boolean("eligible_fully_online").notNull().default(false),
  hasFee: boolean("has_fee").notNull().default(false),
  writtenResult: boolean("written_result").notNull().default(true),
  subjects: jsonb("subjects").$type<string[]>().notNull(),
  populationData: boolean("population_data").notNull().default(false),
  eCertifiedCopy: boolean("e_certified_copy").notNull().default(false),
  timeLimit: numeric("time_limit", { mode: "number" }),
  timeUnit: text("time_unit"),
  importId: uuid("import_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.code] })]);

export const feedback = pgTable("feedback", {
  orgId: orgId(),
  code: text("code").notNull(),
  dossierCode: text("dossier_code"),
  subject: text("subject"),
  sent: isoDate("sent").notNull(),
  received: isoDate("received"),
  forwarded: isoDate("forwarded"),
  status: text("status").notNull(),
  refused: isoDate("refused"),
  supplementRequested: isoDate("supplement_requested"),
  awaitingPublication: isoDate("awaiting_publication"),
  published: isoDate("published"),
  category: text("category"),
  likes: integer("likes").notNull().default(0),
  dislikes: integer("dislikes").notNull().default(0),
  complainedAgain: boolean("complained_again").notNull().default(false),
  importId: uuid("import_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.code] })]);

/** Each applied import of a dossier, procedure, feedback or survey file. */
export const recordImports = pgTable("record_imports", {
  id: id(),
  orgId: orgId(),
  kind: text("kind", { enum: ["dossiers", "procedures", "feedback", "survey"] }).notNull(),
  fileName: text("file_name").notNull(),
  rows: integer("rows").notNull(),
  accepted: integer("accepted").notNull(),
  rejected: integer("rejected").notNull(),
  inserted: integer("inserted").notNull(),
  updated: integer("updated").notNull(),
  /** The bad rows and warnings shown before confirming (kept for the record). */
  issues: jsonb("issues").$type<Array<{ row: number | string; column: string; message: string; warning?: boolean }>>().notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("record_imports_org_idx").on(t.orgId, t.createdAt)]);

/** A file checked and shown to the user, waiting for confirmation (removed once applied or stale). */
export const recordUploads = pgTable("record_uploads", {
  id: id(),
  orgId: orgId(),
  kind: text("kind", { enum: ["dossiers", "procedures", "feedback", "survey"] }).notNull(),
  fileName: text("file_name").notNull(),
  content: bytea("content").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("record_uploads_org_idx").on(t.orgId)]);

/**
 * Citizen satisfaction, one per dossier code: from the public rating page or an
 * imported survey. It fills a dossier's rating when the one-stop export has none.
 */
export const ratings = pgTable("ratings", {
  id: id(),
  orgId: orgId(),
  dossierCode: text("dossier_code").notNull(),
  rating: text("rating", { enum: ["rat-hai-long", "hai-long", "khong-hai-long"] }).notNull(),
  source: text("source", { enum: ["public", "survey"] }).notNull(),
  ratedOn: isoDate("rated_on").notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("ratings_dossier_uq").on(t.orgId, t.dossierCode)]);

/**
 * A PAR-index criteria set (bộ tiêu chí) issued by a province for a subject and
 * year; a later one in the same year gets the next version and replaces the
 * latest. `content` is the validated CriteriaSet (src/domain/par-index).
 * `replaces_id` carries no foreign key so a backup restores in any row order.
 */
export const criteriaSets = pgTable("criteria_sets", {
  id: id(),
  orgId: orgId(),
  subject: text("subject", { enum: ["xa", "phuong"] }).notNull(),
  year: integer("year").notNull(),
  version: integer("version").notNull(),
  label: text("label").notNull(),
  replacesId: uuid("replaces_id"),
  isExample: boolean("is_example").notNull().default(false),
  content: jsonb("content").$type<CriteriaSet>().notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("criteria_sets_version_uq").on(t.orgId, t.subject, t.year, t.version)]);

export const PAR_ASSESSMENT_STATUSES = ["draft", "submitted", "round1", "explained", "final"] as const;

/**
 * A commune's PAR-index assessment for a year (src/domain/par-index/assessment.ts):
 * the set it is scored under (moved to a replacing set when one is imported),
 * its status and who moved it there, the survey points and the current result
 * (the score that counts), kept up to date on every change for the ranking.
 */
export const parAssessments = pgTable("par_assessments", {
  id: id(),
  orgId: orgId(),
  year: integer("year").notNull(),
  setId: uuid("set_id").notNull().references(() => criteriaSets.id, { onDelete: "restrict" }),
  status: text("status", { enum: PAR_ASSESSMENT_STATUSES }).notNull().default("draft"),
  survey: jsonb("survey").$type<SurveyInput | null>(),
  surveySource: text("survey_source"),
  result: jsonb("result").$type<AssessmentSummary | null>(),
  /** What the last move to a replacing set carried, added and dropped. */
  rescoreReport: jsonb("rescore_report").$type<Record<string, unknown> | null>(),
  submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  round1By: uuid("round1_by").references(() => users.id, { onDelete: "set null" }),
  round1At: timestamp("round1_at", { withTimezone: true }),
  explainedBy: uuid("explained_by").references(() => users.id, { onDelete: "set null" }),
  explainedAt: timestamp("explained_at", { withTimezone: true }),
  finalBy: uuid("final_by").references(() => users.id, { onDelete: "set null" }),
  finalAt: timestamp("final_at", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex("par_assessments_org_year_uq").on(t.orgId, t.year), index("par_assessments_set_idx").on(t.setId)]);

/** Every value given to a leaf at a stage, never overwritten: the latest counts, the rest is history. */
export const parEntries = pgTable("par_entries", {
  seq: bigserial("seq", { mode: "number" }).primaryKey(),
  orgId: orgId(),
  assessmentId: uuid("assessment_id").notNull().references(() => parAssessments.id, { onDelete: "cascade" }),
  leafCode: text("leaf_code").notNull(),
  stage: text("stage", { enum: ["self", "round1", "response", "final"] }).notNull(),
  input: jsonb("input").$type<LeafInput | null>(),
  text: text("text").notNull().default(""),
  explanation: text("explanation").notNull().default(""),
  automatic: boolean("automatic").notNull().default(false),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("par_entries_assessment_idx").on(t.assessmentId, t.leafCode, t.stage)]);

/** Evidence of a leaf (tài liệu kiểm chứng): an uploaded file, a link, or a record of the system. */
export const parEvidence = pgTable("par_evidence", {
  id: id(),
  orgId: orgId(),
  assessmentId: uuid("assessment_id").notNull().references(() => parAssessments.id, { onDelete: "cascade" }),
  leafCode: text("leaf_code").notNull(),
  stage: text("stage", { enum: ["self", "response"] }).notNull(),
  kind: text("kind", { enum: ["file", "link", "record"] }).notNull(),
  label: text("label").notNull(),
  filename: text("filename"),
  mimeType: text("mime_type"),
  size: integer("size"),
  sha256: text("sha256"),
  content: bytea("content"),
  url: text("url"),
  recordType: text("record_type", { enum: ["plan", "task", "target"] }),
  recordId: uuid("record_id"),
  addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("par_evidence_assessment_idx").on(t.assessmentId, t.leafCode)]);

/** A province's results of a year made public (the public results page). */
export const parPublications = pgTable("par_publications", {
  orgId: orgId(),
  year: integer("year").notNull(),
  publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.year] })]);

export const REPORT_STATUSES = ["draft", "approved", "submitted", "received", "returned"] as const;

/**
 * A commune's periodic PAR report (quý I, 6 tháng, quý III, năm) in versions:
 * `content` is the draft with the people's texts; from submission on it is
 * frozen with the rendered document, and a change needs a new version.
 */
export const reports = pgTable("reports", {
  id: id(),
  orgId: orgId(),
  kind: text("kind", { enum: ["q1", "h1", "q3", "year"] }).notNull(),
  year: integer("year").notNull(),
  version: integer("version").notNull().default(1),
  status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
  content: jsonb("content").$type<ReportDraft>().notNull(),
  /** Keys of the sections whose text a person changed: a refresh of the figures keeps them. */
  editedSections: jsonb("edited_sections").$type<string[]>().notNull().default([]),
  number: text("number"),
  issuedDate: isoDate("issued_date"),
  document: bytea("document"),
  approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  /** The day (in Vietnam) the report was sent: what its timeliness is judged by. */
  submittedOn: isoDate("submitted_on"),
  receivedBy: uuid("received_by").references(() => users.id, { onDelete: "set null" }),
  receivedAt: timestamp("received_at", { withTimezone: true }),
  returnedBy: uuid("returned_by").references(() => users.id, { onDelete: "set null" }),
  returnedAt: timestamp("returned_at", { withTimezone: true }),
  returnComment: text("return_comment"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex("reports_version_uq").on(t.orgId, t.kind, t.year, t.version)]);

/** A province's reporting settings (commune deadlines per report kind, recipients, reminders). */
export const reportSettings = pgTable("report_settings", {
  orgId: uuid("org_id").primaryKey().references(() => organisations.id, { onDelete: "cascade" }),
  settings: jsonb("settings").$type<ReportSettings>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What a commune shows on its public page (/cong-khai/<mã>); a commune without a row publishes the defaults. */
export const publicPageSettings = pgTable("public_page_settings", {
  orgId: uuid("org_id").primaryKey().references(() => organisations.id, { onDelete: "cascade" }),
  publishPlan: boolean("publish_plan").notNull().default(true),
  publishTargets: boolean("publish_targets").notNull().default(true),
  publishIndicators: boolean("publish_indicators").notNull().default(false),
  intro: text("intro"),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const FINDING_SEVERITIES = ["minor", "moderate", "serious"] as const;
export const FINDING_STATUSES = ["open", "fixed", "escalated"] as const;

/**
 * A commune's yearly self-inspection plan (kế hoạch tự kiểm tra CCHC): the share
 * of its units it means to inspect; the inspections themselves are rows of
 * `inspections`, one per unit inspected.
 */
export const inspectionPlans = pgTable("inspection_plans", {
  id: id(),
  orgId: orgId(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  number: text("number"),
  issuedDate: isoDate("issued_date"),
  /** The share of units to inspect in the year, in % ("tối thiểu 50% đơn vị"). */
  targetShare: numeric("target_share", { mode: "number" }).notNull(),
  notes: text("notes"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex("inspection_plans_org_year_uq").on(t.orgId, t.year)]);

/** One unit inspected under a plan: planned dates and team, then the day it took place and its conclusion. */
export const inspections = pgTable("inspections", {
  id: id(),
  orgId: orgId(),
  inspectionPlanId: uuid("inspection_plan_id").notNull().references(() => inspectionPlans.id, { onDelete: "cascade" }),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  plannedFrom: isoDate("planned_from").notNull(),
  plannedTo: isoDate("planned_to").notNull(),
  /** Members of the inspection team (tổ kiểm tra), as written: "Nguyễn Văn A – Phó Chủ tịch UBND xã, Tổ trưởng". */
  team: jsonb("team").$type<string[]>().notNull().default([]),
  content: text("content").notNull().default(""),
  conductedOn: isoDate("conducted_on"),
  conclusion: text("conclusion"),
  noticeNumber: text("notice_number"),
  noticeDate: isoDate("notice_date"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("inspections_plan_idx").on(t.inspectionPlanId), index("inspections_org_idx").on(t.orgId)]);

/** A problem found by an inspection, followed until it is fixed or escalated to the level above. */
export const inspectionFindings = pgTable("inspection_findings", {
  id: id(),
  orgId: orgId(),
  inspectionId: uuid("inspection_id").notNull().references(() => inspections.id, { onDelete: "cascade" }),
  area: text("area"),
  description: text("description").notNull(),
  severity: text("severity", { enum: FINDING_SEVERITIES }).notNull().default("moderate"),
  responsibleUnitId: uuid("responsible_unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  fixDue: isoDate("fix_due").notNull(),
  status: text("status", { enum: FINDING_STATUSES }).notNull().default("open"),
  /** The day it was fixed or escalated. */
  closedOn: isoDate("closed_on"),
  resolution: text("resolution"),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("findings_inspection_idx").on(t.inspectionId), index("findings_org_status_idx").on(t.orgId, t.status), index("findings_unit_idx").on(t.responsibleUnitId)]);

/** The follow-up of a finding: notes and status changes, who and when. */
export const findingUpdates = pgTable("finding_updates", {
  id: id(),
  orgId: orgId(),
  findingId: uuid("finding_id").notNull().references(() => inspectionFindings.id, { onDelete: "cascade" }),
  authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
  date: isoDate("date").notNull(),
  note: text("note").notNull().default(""),
  statusChange: text("status_change", { enum: ["fixed", "escalated", "reopened"] }),
  createdAt: createdAt(),
}, (t) => [index("finding_updates_finding_idx").on(t.findingId, t.createdAt)]);

export const INITIATIVE_STATUSES = ["submitted", "recognised", "applied"] as const;

/** A reform initiative (sáng kiến, giải pháp CCHC) registered by a unit. */
export const initiatives = pgTable("initiatives", {
  id: id(),
  orgId: orgId(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  authors: jsonb("authors").$type<InitiativeAuthor[]>().notNull().default([]),
  submittedOn: isoDate("submitted_on").notNull(),
  status: text("status", { enum: INITIATIVE_STATUSES }).notNull().default("submitted"),
  recognisedOn: isoDate("recognised_on"),
  appliedOn: isoDate("applied_on"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("initiatives_org_year_idx").on(t.orgId, t.year), index("initiatives_unit_idx").on(t.unitId)]);

/** Evidence of an initiative: an uploaded file or a link. */
export const initiativeEvidence = pgTable("initiative_evidence", {
  id: id(),
  orgId: orgId(),
  initiativeId: uuid("initiative_id").notNull().references(() => initiatives.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: ["file", "link"] }).notNull(),
  label: text("label").notNull(),
  filename: text("filename"),
  mimeType: text("mime_type"),
  size: integer("size"),
  sha256: text("sha256"),
  content: bytea("content"),
  url: text("url"),
  addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (t) => [index("initiative_evidence_idx").on(t.initiativeId)]);

/** A commune's call for initiatives of a year: the deadline and how many each unit is asked for. */
export const initiativeCalls = pgTable("initiative_calls", {
  orgId: orgId(),
  year: integer("year").notNull(),
  dueDate: isoDate("due_date").notNull(),
  perUnit: integer("per_unit").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.year] })]);

export const CAMPAIGN_STATUSES = ["open", "confirmed"] as const;

/**
 * An emulation campaign (phong trào thi đua): period, participants, criteria as
 * data (docs/emulation.md), and once confirmed the commendation proposal.
 */
export const emulationCampaigns = pgTable("emulation_campaigns", {
  id: id(),
  orgId: orgId(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  periodFrom: isoDate("period_from").notNull(),
  periodTo: isoDate("period_to").notNull(),
  /** The emulation plan it was created from: its tasks are the campaign's content groups. */
  sourcePlanId: uuid("source_plan_id").references(() => plans.id, { onDelete: "set null" }),
  criteria: jsonb("criteria").$type<CampaignCriterion[]>().notNull().default([]),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("open"),
  proposal: jsonb("proposal").$type<ProposalEntry[] | null>(),
  confirmedBy: uuid("confirmed_by").references(() => users.id, { onDelete: "set null" }),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("campaigns_org_year_idx").on(t.orgId, t.year)]);

/** A unit or a person taking part in a campaign; a person belongs to a unit, whose tasks are theirs. */
export const campaignParticipants = pgTable("campaign_participants", {
  id: id(),
  orgId: orgId(),
  campaignId: uuid("campaign_id").notNull().references(() => emulationCampaigns.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: ["unit", "person"] }).notNull(),
  unitId: uuid("unit_id").notNull().references(() => units.id, { onDelete: "restrict" }),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  /** A person's name and title as they will be printed; null for a unit. */
  name: text("name"),
  title: text("title"),
  sortOrder: integer("sort_order").notNull().default(0),
}, (t) => [index("participants_campaign_idx").on(t.campaignId)]);

/** A person's verdict on a judged criterion for one participant, with the note it rests on. */
export const campaignJudgments = pgTable("campaign_judgments", {
  orgId: orgId(),
  campaignId: uuid("campaign_id").notNull().references(() => emulationCampaigns.id, { onDelete: "cascade" }),
  participantId: uuid("participant_id").notNull().references(() => campaignParticipants.id, { onDelete: "cascade" }),
  criterionId: text("criterion_id").notNull(),
  met: boolean("met").notNull(),
  note: text("note").notNull(),
  judgedBy: uuid("judged_by").references(() => users.id, { onDelete: "set null" }),
  judgedAt: timestamp("judged_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.participantId, t.criterionId] }), index("judgments_campaign_idx").on(t.campaignId)]);
