/**
 * Local social assistance cases (issue 14, migration 0015): the district act and category a case was
 * filed under (it is decided under that act even after a repeal), and the documents the applicant
 * attached — kept in the database with their SHA-256, served only to the applicant and the case's staff.
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, char, check, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { staffAccounts } from "./accounts";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const LOCAL_DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const LOCAL_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

export const localCases = pgTable(
  "local_cases",
  {
    applicationId: uuid("application_id").primaryKey().references(() => applications.id),
    /** The district (KATO) and the maslikhat decision whose rules apply. */
    districtKato: char("district_kato", { length: 9 }).notNull(),
    actNumber: varchar("act_number", { length: 20 }).notNull(),
    actDate: date("act_date").notNull(),
    categoryCode: varchar("category_code", { length: 16 }).notNull(),
    /** The event a time window counts from (8.2: the fire), when the category has one. */
    eventDate: date("event_date"),
    /** The special commission's amount within the category's limit (clause 9), in tiyn. */
    commissionAmountTiyn: bigint("commission_amount_tiyn", { mode: "number" }),
  },
  (t) => [index("local_cases_category_idx").on(t.districtKato, t.categoryCode)],
);

export const localDocuments = pgTable(
  "local_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    docCode: varchar("doc_code", { length: 40 }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: varchar("content_type", { length: 40 }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: char("sha256", { length: 64 }).notNull(),
    content: bytea("content").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("local_documents_application_idx").on(t.applicationId),
    check("local_documents_type", sql`${t.contentType} IN ('application/pdf', 'image/jpeg', 'image/png')`),
    check("local_documents_size", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 5242880`),
    check("local_documents_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * The specialist's ЭЦП over a notice that the head signs last (seed 001: the notice is signed by the
 * head and the specialist; migration 0020, ADR 022). Append-only; no foreign key to notices, since a
 * returned draft's notice is dropped and this signature stays as evidence.
 */
export const noticeCosignatures = pgTable(
  "notice_cosignatures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    noticeId: uuid("notice_id").notNull(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    role: varchar("role", { length: 20 }).$type<"specialist">().notNull(),
    payload: text("payload").notNull(),
    signature: text("signature").notNull(),
    signerIin: char("signer_iin", { length: 12 }).notNull(),
    signerName: text("signer_name"),
    signerSerial: varchar("signer_serial", { length: 80 }),
    signedBy: bigint("signed_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("notice_cosignatures_notice_role_uq").on(t.noticeId, t.role),
    index("notice_cosignatures_application_idx").on(t.applicationId),
    check("notice_cosignatures_role", sql`${t.role} IN ('specialist')`),
  ],
);

export type LocalCase = typeof localCases.$inferSelect;
export type NoticeCosignature = typeof noticeCosignatures.$inferSelect;
export type LocalDocument = typeof localDocuments.$inferSelect;
