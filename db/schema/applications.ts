/**
 * ASP applications: the citizen's draft, the signed submission, the clause 7-1 outcome and the
 * e-registration journal (Annex 3.1).
 */
import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, char, varchar, text, jsonb, timestamp, date, integer, index, uniqueIndex, bigserial, primaryKey, check,
} from "drizzle-orm/pg-core";

export const applicationStatusEnum = pgEnum("application_status", [
  "draft",
  "rejected_at_check",
  "registered",
  "sent_to_commission",
  "survey_recorded",
  "specialist_assigned",
  "income_computed",
  "decision_drafted",
  "decision_signed",
  "notice_delivered",
]);
export const channelEnum = pgEnum("channel", ["portal", "proactive", "centre", "akim"]);

export const applications = pgTable(
  "applications",
  {
    /** Random, so ids in URLs cannot be guessed; ownership is still checked on every read. */
    id: uuid("id").primaryKey().defaultRandom(),
    /** The service's key (app/services/registry.ts); the definition says everything else about it. */
    service: varchar("service", { length: 32 }).notNull(),
    applicantIin: char("applicant_iin", { length: 12 }).notNull(),
    channel: channelEnum("channel").notNull(),
    status: applicationStatusEnum("status").notNull().default("draft"),
    /** The form as the citizen left it (steps may be half done). */
    draft: jsonb("draft").notNull().default({}),
    /** The exact canonical JSON the applicant signed, and the compact JWS. */
    signedPayload: text("signed_payload"),
    signature: text("signature"),
    signerSerial: varchar("signer_serial", { length: 80 }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Failed clause 7-1 checks of the last submission: [{ check, reason, params }]. */
    checkFailures: jsonb("check_failures"),
    katoCode: char("kato_code", { length: 9 }),
    registrationNumber: varchar("registration_number", { length: 20 }),
    registeredAt: timestamp("registered_at", { withTimezone: true }),
    /** Kazakhstan date of registration (the application day) and the legal due date. */
    applicationDate: date("application_date"),
    dueDate: date("due_date"),
    /** The language the person chose when applying (the portal page's; asked at the Centre or akim desk): decision SMS go in it. */
    smsLanguage: varchar("sms_language", { length: 2 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open portal draft per service per citizen (other channels register at once).
    uniqueIndex("applications_one_draft_uq").on(t.applicantIin, t.service).where(sql`${t.status} = 'draft' AND ${t.channel} = 'portal'`),
    uniqueIndex("applications_registration_number_uq").on(t.registrationNumber),
    index("applications_applicant_idx").on(t.applicantIin),
    index("applications_status_due_idx").on(t.status, t.dueDate),
    index("applications_kato_idx").on(t.katoCode),
    check("applications_sms_language", sql`${t.smsLanguage} IS NULL OR ${t.smsLanguage} IN ('ru', 'kk')`),
    check("applications_service_key", sql`${t.service} ~ '^[a-z][a-z0-9_-]{1,31}$'`),
    check(
      "applications_registered_has_number",
      sql`${t.status} IN ('draft', 'rejected_at_check') OR (${t.registrationNumber} IS NOT NULL AND ${t.dueDate} IS NOT NULL AND ${t.applicationDate} IS NOT NULL)`,
    ),
  ],
);

/** Family members of a submitted application (the applicant included). */
export const applicationMembers = pgTable(
  "application_members",
  {
    applicationId: uuid("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
    iin: char("iin", { length: 12 }).notNull(),
    relation: varchar("relation", { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.iin] }), index("application_members_iin_idx").on(t.iin)],
);

/**
 * One live case per person per service (ADR 001 revised): the primary key decides races between
 * simultaneous submissions that share a member; rows are removed when a case ends.
 */
export const activeCaseMembers = pgTable(
  "active_case_members",
  {
    service: varchar("service", { length: 32 }).notNull(),
    iin: char("iin", { length: 12 }).notNull(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.iin] }),
    index("active_case_members_iin_idx").on(t.iin),
    index("active_case_members_application_idx").on(t.applicationId),
  ],
);

/** The e-registration journal (Annex 3.1). Rows are only ever added. */
export const registrationJournal = pgTable(
  "registration_journal",
  {
    registrationNumber: varchar("registration_number", { length: 20 }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
    applicantIin: char("applicant_iin", { length: 12 }).notNull(),
    channel: channelEnum("channel").notNull(),
    service: varchar("service", { length: 32 }).notNull(),
    dueDate: date("due_date").notNull(),
    /** "system" for the portal and proactive channels, else a staff login. */
    registeredBy: varchar("registered_by", { length: 64 }).notNull(),
  },
  (t) => [uniqueIndex("registration_journal_application_uq").on(t.applicationId)],
);

/** Status history shown as the timeline in the cabinet (and, later, the staff case page). */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    status: applicationStatusEnum("status").notNull(),
    note: text("note"),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.at)],
);

/** Registration-number counters per service and year (ASP26-000123: the prefix, the year, the counter). */
export const registrationCounters = pgTable(
  "registration_counters",
  {
    service: varchar("service", { length: 32 }).notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.service, t.year] })],
);

/** One-time codes sent by SMS (consent to fetch digital documents; changing the mobile number). */
export const otpCodes = pgTable(
  "otp_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull(),
    purpose: varchar("purpose", { length: 32 }).notNull(),
    phone: varchar("phone", { length: 16 }).notNull(),
    codeHash: char("code_hash", { length: 64 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("otp_codes_iin_purpose_idx").on(t.iin, t.purpose), index("otp_codes_expires_at_idx").on(t.expiresAt)],
);

export type Application = typeof applications.$inferSelect;
export type ApplicationStatus = (typeof applicationStatusEnum.enumValues)[number];
export type Channel = (typeof channelEnum.enumValues)[number];
