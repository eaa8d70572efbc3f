/**
 * Complaints about a case (issue 16, seed 004 Annex 2 clause 20; migration 0018, ADR 019): registered
 * with a talon (number, date, who accepted it, the answer's due date, contacts) from the cabinet, a 1414
 * call or paper at the office, and tracked registered → under review → answered (a signed answer).
 * `complaint_events` is append-only; an answered complaint cannot change (trigger).
 */
import { sql } from "drizzle-orm";
import { pgTable, pgEnum, uuid, varchar, text, timestamp, date, integer, bigint, bigserial, char, index, uniqueIndex, check } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { offices, staffAccounts } from "./accounts";

export const complaintChannelEnum = pgEnum("complaint_channel", ["cabinet", "callcenter", "paper"]);
export const complaintStatusEnum = pgEnum("complaint_status", ["registered", "under_review", "answered"]);

/** Complaint numbers per year (ЖЛБ26-000001): one atomic upsert hands out the next. */
export const complaintCounters = pgTable("complaint_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull().default(0),
});

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: varchar("number", { length: 20 }).notNull(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    applicantIin: char("applicant_iin", { length: 12 }).notNull(),
    channel: complaintChannelEnum("channel").notNull(),
    status: complaintStatusEnum("status").notNull().default("registered"),
    text: text("text").notNull(),
    language: varchar("language", { length: 2 }).notNull(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
    registeredOn: date("registered_on").notNull(),
    answerDue: date("answer_due").notNull(),
    /** The rule the due date came from (app/domain/complaint-rules.json), as cited there. */
    ruleSource: text("rule_source").notNull(),
    /** Null when the citizen filed it in the cabinet themselves. */
    acceptedBy: bigint("accepted_by", { mode: "number" }).references(() => staffAccounts.id),
    acceptedByNameRu: text("accepted_by_name_ru").notNull(),
    acceptedByNameKk: text("accepted_by_name_kk").notNull(),
    /** The office that answers (the case's district office). */
    officeCode: varchar("office_code", { length: 32 }).references(() => offices.code),
    /** The form's one-time key: a double submit finds the complaint it already made. */
    submitKey: varchar("submit_key", { length: 64 }),
    answerDraft: text("answer_draft"),
    answerPayload: text("answer_payload"),
    answerSignature: text("answer_signature"),
    signerIin: char("signer_iin", { length: 12 }),
    signerName: text("signer_name"),
    signerSerial: varchar("signer_serial", { length: 80 }),
    answeredBy: bigint("answered_by", { mode: "number" }).references(() => staffAccounts.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("complaints_number_uq").on(t.number),
    uniqueIndex("complaints_submit_key_uq").on(t.applicantIin, t.submitKey),
    index("complaints_application_idx").on(t.applicationId),
    index("complaints_applicant_idx").on(t.applicantIin),
    check("complaints_text_length", sql`length(btrim(${t.text})) BETWEEN 1 AND 2000`),
    check("complaints_language", sql`${t.language} IN ('ru', 'kk')`),
    check(
      "complaints_answered_signed",
      sql`${t.status} <> 'answered' OR (${t.answerSignature} IS NOT NULL AND ${t.answerPayload} IS NOT NULL AND ${t.signerIin} IS NOT NULL AND ${t.answeredAt} IS NOT NULL)`,
    ),
  ],
);

/** What happened to a complaint, who did it and when. Rows are only ever added. */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    complaintId: uuid("complaint_id").notNull().references(() => complaints.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    event: varchar("event", { length: 24 }).notNull(),
    actorLabel: varchar("actor_label", { length: 64 }).notNull(),
    actorRole: varchar("actor_role", { length: 16 }).notNull(),
    note: text("note"),
  },
  (t) => [index("complaint_events_complaint_idx").on(t.complaintId, t.id)],
);

export type Complaint = typeof complaints.$inferSelect;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;
export type ComplaintStatus = (typeof complaintStatusEnum.enumValues)[number];
export type ComplaintChannel = (typeof complaintChannelEnum.enumValues)[number];
