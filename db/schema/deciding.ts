/**
 * Deciding an ASP case (SPEC "Deciding", "Deadlines"): the allowed transitions as data, the append-only
 * audit of every transition, the district commission's survey act, the head's choice of specialist,
 * the income calculation with its corrections, the decision, the signed notice, requests to other
 * agencies and the staff reminders of the daily job.
 *
 * What drizzle cannot say lives in the custom migration `*_audit_triggers.sql`: the rows of
 * workflow_transitions, the trigger that admits only listed status changes and audits each one, and
 * the triggers that make the audit and the evidence tables append-only.
 */
import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, varchar, text, jsonb, timestamp, date, integer, bigint, bigserial, index, uniqueIndex, check, primaryKey, char, boolean,
} from "drizzle-orm/pg-core";
import { applicationStatusEnum, applications } from "./applications";
import { staffAccounts } from "./accounts";
import type { GroundEvents } from "../../app/domain/refusal";

/** Every (from, action) → to the workflow allows; the same list as app/domain/workflow.ts transitionRows(). */
export const workflowTransitions = pgTable(
  "workflow_transitions",
  {
    fromStatus: applicationStatusEnum("from_status").notNull(),
    action: varchar("action", { length: 40 }).notNull(),
    toStatus: applicationStatusEnum("to_status").notNull(),
    /** Only cases of this service have the transition; null: every service (migration 0020). */
    service: varchar("service", { length: 32 }),
  },
  (t) => [primaryKey({ columns: [t.fromStatus, t.action] })],
);

export const actorKindEnum = pgEnum("actor_kind", ["staff", "system", "applicant"]);

/**
 * The audit trail: who, when, from, to, why. Rows are only ever added (a trigger raises on UPDATE and
 * DELETE; on PostgreSQL the runtime role also lacks those privileges, see db/roles.ts and ADR 009).
 * Status changes are written here by the database itself; self-transitions by the code.
 */
export const caseTransitions = pgTable(
  "case_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum("actor_kind").notNull(),
    /** Null for the system and the applicant. */
    actorStaffId: bigint("actor_staff_id", { mode: "number" }).references(() => staffAccounts.id),
    /** The login, the applicant's IIN or "system": readable without a join, kept if the account goes. */
    actorLabel: varchar("actor_label", { length: 64 }).notNull(),
    actorRole: varchar("actor_role", { length: 32 }).notNull(),
    action: varchar("action", { length: 40 }).notNull(),
    fromStatus: applicationStatusEnum("from_status").notNull(),
    toStatus: applicationStatusEnum("to_status").notNull(),
    reason: text("reason"),
    details: jsonb("details"),
  },
  (t) => [index("case_transitions_application_idx").on(t.applicationId, t.at, t.id)],
);

export const conclusionEnum = pgEnum("survey_conclusion", ["needy", "not_needy"]);

/** The district commission's act of the survey of the family's material situation (seed 001 clause 8). */
export const surveyActs = pgTable(
  "survey_acts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    surveyedOn: date("surveyed_on").notNull(),
    membersPresent: text("members_present").notNull(),
    livingConditions: text("living_conditions").notNull(),
    propertySeen: text("property_seen").notNull(),
    conclusion: conclusionEnum("conclusion").notNull(),
    notes: text("notes"),
    recordedBy: bigint("recorded_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  // One act per case: the workflow has no second survey.
  (t) => [uniqueIndex("survey_acts_application_uq").on(t.applicationId)],
);

/** The head's choice of the responsible specialist; the latest row is in force. */
export const specialistAssignments = pgTable(
  "specialist_assignments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    specialistId: bigint("specialist_id", { mode: "number" }).notNull().references(() => staffAccounts.id),
    assignedBy: bigint("assigned_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("specialist_assignments_application_idx").on(t.applicationId, t.assignedAt)],
);

/**
 * A staff correction of the registry incomes (app/domain/income.ts IncomeCorrection): a reason is
 * required, and rows are only added, so who changed what and why stays on record.
 */
export const incomeCorrections = pgTable(
  "income_corrections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    iin: char("iin", { length: 12 }),
    month: date("month"),
    source: varchar("source", { length: 32 }),
    delta: integer("delta"),
    replaceWith: integer("replace_with"),
    reason: text("reason").notNull(),
    createdBy: bigint("created_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("income_corrections_application_idx").on(t.applicationId, t.id),
    check("income_corrections_reason", sql`length(btrim(${t.reason})) > 0`),
    check("income_corrections_one_amount", sql`(${t.delta} IS NULL) <> (${t.replaceWith} IS NULL)`),
  ],
);

/** One computation of per-capita income and the ASP amount, with what it was computed from. */
export const incomeCalculations = pgTable(
  "income_calculations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    quarterFrom: date("quarter_from").notNull(),
    quarterTo: date("quarter_to").notNull(),
    members: jsonb("members").$type<string[]>().notNull(),
    /** The registry incomes read for the quarter, as they were then. */
    incomes: jsonb("incomes").$type<{ iin: string; month: string; source: string; amount: number }[]>().notNull(),
    correctionIds: jsonb("correction_ids").$type<number[]>().notNull(),
    totalTenge: integer("total_tenge").notNull(),
    perCapitaTiyn: bigint("per_capita_tiyn", { mode: "number" }).notNull(),
    povertyYear: integer("poverty_year").notNull(),
    povertyLineTenge: integer("poverty_line_tenge").notNull(),
    amountTiyn: bigint("amount_tiyn", { mode: "number" }).notNull(),
    lowIncome: boolean("low_income").notNull(),
    computedBy: bigint("computed_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("income_calculations_application_idx").on(t.applicationId, t.id)],
);

export const decisionKindEnum = pgEnum("decision_kind", ["assignment", "refusal"]);

/** A drafted decision; the latest row of a case is the one in force (a returned draft is followed by a new one). */
export const decisions = pgTable(
  "decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    kind: decisionKindEnum("kind").notNull(),
    amountTiyn: bigint("amount_tiyn", { mode: "number" }),
    periodFrom: char("period_from", { length: 7 }),
    periodTo: char("period_to", { length: 7 }),
    grounds: jsonb("grounds").$type<string[]>().notNull().default([]),
    /** Before migration 0011: one event date for all six-month grounds. Kept for old rows; see groundEvents. */
    groundEventDate: date("ground_event_date"),
    /** Each six-month ground's own event: { [ground]: { date, memberIin? } } (migration 0011). */
    groundEvents: jsonb("ground_events").$type<GroundEvents>().notNull().default({}),
    calculationId: bigint("calculation_id", { mode: "number" }).references(() => incomeCalculations.id),
    draftedBy: bigint("drafted_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    draftedAt: timestamp("drafted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("decisions_application_idx").on(t.applicationId, t.id),
    check(
      "decisions_shape",
      sql`(${t.kind} = 'assignment' AND ${t.amountTiyn} >= 0 AND ${t.periodFrom} IS NOT NULL AND ${t.periodTo} IS NOT NULL)
       OR (${t.kind} = 'refusal' AND jsonb_array_length(${t.grounds}) > 0)`,
    ),
    check("decisions_ground_events_object", sql`jsonb_typeof(${t.groundEvents}) = 'object'`),
  ],
);

/**
 * The notice of the decision: the exact canonical JSON the head signed (it holds the texts in ru and
 * kk), the compact JWS, who signed and when, and the code printed on it for /verify. A row is made
 * unsigned with the draft decision; once signed it can no longer change (trigger).
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    decisionId: bigint("decision_id", { mode: "number" }).notNull().references(() => decisions.id),
    registrationNumber: varchar("registration_number", { length: 20 }).notNull(),
    verificationCode: varchar("verification_code", { length: 16 }).notNull(),
    payload: text("payload"),
    signature: text("signature"),
    signerIin: char("signer_iin", { length: 12 }),
    signerName: text("signer_name"),
    signerSerial: varchar("signer_serial", { length: 80 }),
    signedBy: bigint("signed_by", { mode: "number" }).references(() => staffAccounts.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    textRu: text("text_ru"),
    textKk: text("text_kk"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("notices_verification_code_uq").on(t.verificationCode),
    // At most one signed notice per case.
    uniqueIndex("notices_signed_application_uq").on(t.applicationId).where(sql`${t.signature} IS NOT NULL`),
    index("notices_application_idx").on(t.applicationId),
    check(
      "notices_signed_complete",
      sql`${t.signature} IS NULL OR (${t.payload} IS NOT NULL AND ${t.signerIin} IS NOT NULL AND ${t.signedAt} IS NOT NULL AND ${t.textRu} IS NOT NULL AND ${t.textKk} IS NOT NULL)`,
    ),
  ],
);

/** "Request to other agencies" (Annex 12 item 3): the extension it gave and the applicant's notification. */
export const otherAgencyRequests = pgTable(
  "other_agency_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    agency: text("agency").notNull(),
    requestedOn: date("requested_on").notNull(),
    extendedDays: integer("extended_days").notNull(),
    dueBefore: date("due_before").notNull(),
    dueAfter: date("due_after").notNull(),
    /** The last day to notify the applicant in writing (2 working days after the request). */
    notifyBy: date("notify_by").notNull(),
    requestedBy: bigint("requested_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    notifiedBy: bigint("notified_by", { mode: "number" }).references(() => staffAccounts.id),
    noticeRu: text("notice_ru"),
    noticeKk: text("notice_kk"),
    /** Issue 16 (migration 0018): the extension notice as the head signed it (canonical JSON and JWS). */
    noticePayload: text("notice_payload"),
    noticeSignature: text("notice_signature"),
    signerIin: char("signer_iin", { length: 12 }),
    signerName: text("signer_name"),
    signerSerial: varchar("signer_serial", { length: 80 }),
  },
  (t) => [
    index("other_agency_requests_application_idx").on(t.applicationId),
    check("other_agency_requests_days", sql`${t.extendedDays} BETWEEN 1 AND 30`),
  ],
);

/** What the daily job told a staff member: cases due within 3 working days. One row per person, case and day. */
export const staffReminders = pgTable(
  "staff_reminders",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    staffId: bigint("staff_id", { mode: "number" }).notNull().references(() => staffAccounts.id),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    forDate: date("for_date").notNull(),
    dueDate: date("due_date").notNull(),
    workingDaysLeft: integer("working_days_left").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("staff_reminders_once_uq").on(t.staffId, t.applicationId, t.forDate),
    index("staff_reminders_staff_idx").on(t.staffId, t.forDate),
  ],
);

export type CaseTransition = typeof caseTransitions.$inferSelect;
export type SurveyAct = typeof surveyActs.$inferSelect;
export type IncomeCorrectionRow = typeof incomeCorrections.$inferSelect;
export type IncomeCalculation = typeof incomeCalculations.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export type Notice = typeof notices.$inferSelect;
export type OtherAgencyRequest = typeof otherAgencyRequests.$inferSelect;
export type StaffReminder = typeof staffReminders.$inferSelect;
