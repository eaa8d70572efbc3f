/**
 * Holiday and by-list payments of local social assistance (migration 0016, ADR 017): the list of one
 * district, occasion (or by-list needs category) and period; its entries; and what its approval
 * created — one decision per recipient and one grant per recipient and category. The unique index
 * local_grants_once_uq is the rule "nobody is paid twice for the same occasion and category".
 */
import { sql } from "drizzle-orm";
import { pgTable, bigserial, bigint, char, text, varchar, date, jsonb, timestamp, integer, numeric, uniqueIndex, index, check } from "drizzle-orm/pg-core";
import { staffAccounts } from "./accounts";
import { persons } from "./registry";

export type ListKind = "holiday" | "needs";
export type ListStatus = "generated" | "reviewed" | "approved";
/** One category's generation: how many entries it has and how many the last run added. */
export type ListProgress = { code: string; done: boolean; total: number; added: number }[];
/** The registry facts an entry was made from (Annex 7 form fields as the registry holds them). */
export type SourceFacts = { kind: string; value: string | null; source: string | null }[];

export const localLists = pgTable(
  "local_lists",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    districtKato: char("district_kato", { length: 9 }).notNull(),
    actId: text("act_id").notNull(),
    kind: text("kind").$type<ListKind>().notNull(),
    /** The occasion 'MM-DD' of a holiday list, the category code ('8.7', '8.10') of a needs list. */
    subject: varchar("subject", { length: 16 }).notNull(),
    /** '2026' for a holiday, '2026-H2' for a half-year, '2026/2027' for a heating season. */
    period: varchar("period", { length: 16 }).notNull(),
    /** The day the registry facts are read for: the occasion's date, the period's first day. */
    referenceDay: date("reference_day").notNull(),
    plannedPaymentDate: date("planned_payment_date").notNull(),
    status: text("status").$type<ListStatus>().notNull().default("generated"),
    progress: jsonb("progress").$type<ListProgress>().notNull().default([]),
    generationStartedAt: timestamp("generation_started_at", { withTimezone: true }),
    generationFinishedAt: timestamp("generation_finished_at", { withTimezone: true }),
    generationError: text("generation_error"),
    generatedBy: bigint("generated_by", { mode: "number" }).references(() => staffAccounts.id),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    reviewedBy: bigint("reviewed_by", { mode: "number" }).references(() => staffAccounts.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    approvedBy: bigint("approved_by", { mode: "number" }).references(() => staffAccounts.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedOn: date("approved_on"),
    approvalPayload: text("approval_payload"),
    approvalSignature: text("approval_signature"),
    signerIin: char("signer_iin", { length: 12 }),
    signerName: text("signer_name"),
    signerSerial: varchar("signer_serial", { length: 80 }),
  },
  (t) => [
    uniqueIndex("local_lists_once_uq").on(t.districtKato, t.kind, t.subject, t.period),
    check("local_lists_kind", sql`${t.kind} IN ('holiday', 'needs')`),
    check("local_lists_status", sql`${t.status} IN ('generated', 'reviewed', 'approved')`),
    check("local_lists_kato", sql`${t.districtKato} ~ '^[0-9]{9}$'`),
    check(
      "local_lists_approved_complete",
      sql`${t.status} <> 'approved' OR (${t.approvedBy} IS NOT NULL AND ${t.approvedOn} IS NOT NULL AND ${t.approvalSignature} IS NOT NULL AND ${t.approvalPayload} IS NOT NULL AND ${t.signerIin} IS NOT NULL)`,
    ),
  ],
);

export const localListEntries = pgTable(
  "local_list_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    listId: bigint("list_id", { mode: "number" }).notNull().references(() => localLists.id),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    categoryCode: varchar("category_code", { length: 16 }).notNull(),
    amountUnit: text("amount_unit").$type<"KZT" | "MRP" | "PM">().notNull(),
    amountValue: numeric("amount_value", { precision: 14, scale: 2 }).notNull(),
    amountTenge: integer("amount_tenge").notNull(),
    sourceFacts: jsonb("source_facts").$type<SourceFacts>().notNull().default([]),
    addedBy: bigint("added_by", { mode: "number" }).references(() => staffAccounts.id),
    addedReason: text("added_reason"),
    excludedBy: bigint("excluded_by", { mode: "number" }).references(() => staffAccounts.id),
    excludedAt: timestamp("excluded_at", { withTimezone: true }),
    excludedReason: text("excluded_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("local_list_entries_once_uq").on(t.listId, t.iin, t.categoryCode),
    index("local_list_entries_iin_idx").on(t.iin),
    check("local_list_entries_amount", sql`${t.amountTenge} > 0`),
    check("local_list_entries_unit", sql`${t.amountUnit} IN ('KZT', 'MRP', 'PM')`),
    check("local_list_entries_added_reason", sql`${t.addedBy} IS NULL OR length(btrim(${t.addedReason})) > 0`),
    check("local_list_entries_excluded_reason", sql`${t.excludedAt} IS NULL OR (${t.excludedBy} IS NOT NULL AND length(btrim(${t.excludedReason})) > 0)`),
  ],
);

/** One decision per recipient of an approved list (no application); append-only. */
export const localDecisions = pgTable(
  "local_decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    listId: bigint("list_id", { mode: "number" }).notNull().references(() => localLists.id),
    iin: char("iin", { length: 12 }).notNull(),
    number: varchar("number", { length: 32 }).notNull(),
    decidedOn: date("decided_on").notNull(),
    paymentDate: date("payment_date").notNull(),
    totalTenge: integer("total_tenge").notNull(),
    /** Printed on the decision with its number: checks it at /verify (migration 0022, ADR 024). */
    verificationCode: char("verification_code", { length: 10 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("local_decisions_number_uq").on(t.number),
    uniqueIndex("local_decisions_once_uq").on(t.listId, t.iin),
    index("local_decisions_iin_idx").on(t.iin),
    check("local_decisions_total", sql`${t.totalTenge} > 0`),
    check("local_decisions_code", sql`${t.verificationCode} ~ '^[2-9A-HJKMNP-Z]{10}$'`),
  ],
);

/**
 * One grant per recipient and category: everything a payment line needs (issue 15) — recipient IIN,
 * amount, decision number and date, payment date. Append-only.
 */
export const localGrants = pgTable(
  "local_grants",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    decisionId: bigint("decision_id", { mode: "number" }).notNull().references(() => localDecisions.id),
    listId: bigint("list_id", { mode: "number" }).notNull().references(() => localLists.id),
    entryId: bigint("entry_id", { mode: "number" }).notNull().references(() => localListEntries.id),
    recipientIin: char("recipient_iin", { length: 12 }).notNull(),
    districtKato: char("district_kato", { length: 9 }).notNull(),
    kind: text("kind").$type<ListKind>().notNull(),
    subject: varchar("subject", { length: 16 }).notNull(),
    period: varchar("period", { length: 16 }).notNull(),
    categoryCode: varchar("category_code", { length: 16 }).notNull(),
    amountTenge: integer("amount_tenge").notNull(),
    decisionNumber: varchar("decision_number", { length: 32 }).notNull(),
    decisionDate: date("decision_date").notNull(),
    paymentDate: date("payment_date").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("local_grants_once_uq").on(t.recipientIin, t.districtKato, t.kind, t.subject, t.period, t.categoryCode),
    index("local_grants_decision_idx").on(t.decisionId),
    index("local_grants_payment_date_idx").on(t.paymentDate),
    check("local_grants_amount", sql`${t.amountTenge} > 0`),
  ],
);

export type LocalList = typeof localLists.$inferSelect;
export type LocalListEntry = typeof localListEntries.$inferSelect;
export type LocalDecision = typeof localDecisions.$inferSelect;
export type LocalGrant = typeof localGrants.$inferSelect;
