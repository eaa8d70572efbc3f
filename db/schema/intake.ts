/**
 * Paper applications filed at the employment Centre or by the village akim on a citizen's behalf
 * (issue 16, ADR 018): who is filing (office and staff member) and the scanned paper documents.
 */
import { sql } from "drizzle-orm";
import { pgTable, uuid, varchar, char, integer, bigint, bigserial, timestamp, index, check, customType } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { offices, staffAccounts } from "./accounts";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value as Uint8Array),
});

/** The office filing a paper application and the staff member who accepted it (named on the talon). */
export const intakes = pgTable(
  "intakes",
  {
    applicationId: uuid("application_id").primaryKey().references(() => applications.id),
    officeCode: varchar("office_code", { length: 32 }).notNull().references(() => offices.code),
    staffId: bigint("staff_id", { mode: "number" }).notNull().references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("intakes_office_idx").on(t.officeCode, t.createdAt)],
);

export const SCAN_KINDS = ["document", "consent"] as const;
export const SCAN_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export { MAX_SCAN_BYTES } from "../../app/intake/limits";

/** A scanned paper document or a scanned paper consent. Rows are only ever added. */
export const intakeScans = pgTable(
  "intake_scans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    kind: varchar("kind", { length: 16 }).notNull().$type<(typeof SCAN_KINDS)[number]>(),
    fileName: varchar("file_name", { length: 200 }).notNull(),
    mimeType: varchar("mime_type", { length: 32 }).notNull().$type<(typeof SCAN_TYPES)[number]>(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: char("sha256", { length: 64 }).notNull(),
    bytes: bytea("bytes").notNull(),
    uploadedBy: bigint("uploaded_by", { mode: "number" }).notNull().references(() => staffAccounts.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("intake_scans_application_idx").on(t.applicationId),
    check("intake_scans_kind", sql`${t.kind} IN ('document', 'consent')`),
    check("intake_scans_mime", sql`${t.mimeType} IN ('application/pdf', 'image/jpeg', 'image/png')`),
    check("intake_scans_size", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 5242880 AND octet_length(${t.bytes}) = ${t.sizeBytes}`),
    check("intake_scans_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export type IntakeScan = typeof intakeScans.$inferSelect;
