/**
 * Payments (issue 15, ADR 015), in step with migration 0014_payments.sql: payment accounts, the
 * schedule of payment lines, demands for funds with the district's transfer, payment orders and their
 * items (one EndToEndId each), terminations, overpayments and the append-only payment audit. Tables
 * are keyed by `service` (text) so other services' assignments share them.
 */
import { sql } from "drizzle-orm";
import { pgTable, bigserial, bigint, boolean, text, uuid, varchar, char, date, integer, timestamp, jsonb, index, uniqueIndex, check, primaryKey } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { offices, staffAccounts } from "./accounts";
import { decisions } from "./deciding";
import { localGrants } from "./lists";

/** The account a recipient is paid to, per service and assignment; a corrected account replaces it. */
export const paymentAccounts = pgTable(
  "payment_accounts",
  {
    service: text("service").notNull(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    channel: text("channel").$type<"bank" | "kazpost">().notNull(),
    iban: varchar("iban", { length: 34 }).notNull(),
    bankCode: char("bank_code", { length: 3 }).notNull(),
    source: text("source").$type<"application" | "registry" | "citizen" | "staff">().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.applicationId] }),
    check("payment_accounts_channel", sql`${t.channel} IN ('bank', 'kazpost')`),
    check("payment_accounts_source", sql`${t.source} IN ('application', 'registry', 'citizen', 'staff')`),
  ],
);

/** A demand for funds (clause 19) of one district office for one payment month, and its transfer (clause 20). */
export const paymentDemands = pgTable(
  "payment_demands",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service").notNull(),
    officeCode: varchar("office_code", { length: 32 }).notNull().references(() => offices.code),
    paymentMonth: date("payment_month").notNull(),
    kind: text("kind").$type<"scheduled" | "supplementary" | "one_off">().notNull(),
    formedOn: date("formed_on").notNull(),
    dueOn: date("due_on").notNull(),
    sendBy: date("send_by").notNull(),
    sentOn: date("sent_on").notNull(),
    lineCount: integer("line_count").notNull(),
    totalTiyn: bigint("total_tiyn", { mode: "number" }).notNull(),
    transferEarliest: date("transfer_earliest").notNull(),
    transferDue: date("transfer_due").notNull(),
    transferredOn: date("transferred_on"),
    transferredTiyn: bigint("transferred_tiyn", { mode: "number" }),
    transferredBy: bigint("transferred_by", { mode: "number" }).references(() => staffAccounts.id),
    ordersDue: date("orders_due"),
  },
  (t) => [
    uniqueIndex("payment_demands_once_uq").on(t.service, t.officeCode, t.paymentMonth, t.formedOn, t.kind),
    check("payment_demands_kind", sql`${t.kind} IN ('scheduled', 'supplementary', 'one_off')`),
    check("payment_demands_total", sql`${t.lineCount} > 0 AND ${t.totalTiyn} > 0`),
    check("payment_demands_transfer", sql`${t.transferredOn} IS NULL OR (${t.transferredTiyn} = ${t.totalTiyn} AND ${t.ordersDue} IS NOT NULL)`),
  ],
);

export type LinePeriodicity = "one_off" | "monthly" | "quarterly" | "half_yearly" | "yearly" | "heating_season";
export type OverpaymentStatus = "notified" | "partially_repaid" | "repaid" | "in_court" | "recovered" | "written_off";

export type PaymentLineStatus = "scheduled" | "demanded" | "funded" | "paid" | "returned" | "stopped";

/**
 * One month's (or occasion's) payment to one recipient under one decision: a signed assignment
 * (`decision_id` and `application_id`) or a grant of an approved list (`grant_id`, ADR 023) — exactly one.
 */
export const paymentLines = pgTable(
  "payment_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service").notNull(),
    decisionId: bigint("decision_id", { mode: "number" }).references(() => decisions.id),
    applicationId: uuid("application_id").references(() => applications.id),
    grantId: bigint("grant_id", { mode: "number" }).references(() => localGrants.id),
    officeCode: varchar("office_code", { length: 32 }).notNull().references(() => offices.code),
    month: date("month").notNull(),
    recipientIin: char("recipient_iin", { length: 12 }).notNull(),
    recipientName: text("recipient_name").notNull(),
    channel: text("channel").$type<"bank" | "kazpost">().notNull(),
    iban: varchar("iban", { length: 34 }).notNull(),
    bankCode: char("bank_code", { length: 3 }).notNull(),
    bic: varchar("bic", { length: 11 }).notNull(),
    amountTiyn: bigint("amount_tiyn", { mode: "number" }).notNull(),
    legalBasis: text("legal_basis").notNull(),
    status: text("status").$type<PaymentLineStatus>().notNull().default("scheduled"),
    demandId: bigint("demand_id", { mode: "number" }).references(() => paymentDemands.id),
    attempts: integer("attempts").notNull().default(0),
    paidOn: date("paid_on"),
    returnedOn: date("returned_on"),
    returnCode: varchar("return_code", { length: 4 }),
    stoppedFrom: date("stopped_from"),
    periodicity: text("periodicity").$type<LinePeriodicity>().notNull().default("monthly"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("payment_lines_once_uq").on(t.service, t.decisionId, t.month),
    uniqueIndex("payment_lines_grant_uq").on(t.grantId).where(sql`${t.grantId} IS NOT NULL`),
    check(
      "payment_lines_source",
      sql`(${t.decisionId} IS NOT NULL AND ${t.applicationId} IS NOT NULL AND ${t.grantId} IS NULL) OR (${t.decisionId} IS NULL AND ${t.applicationId} IS NULL AND ${t.grantId} IS NOT NULL)`,
    ),
    index("payment_lines_status_idx").on(t.status, t.month, t.officeCode),
    index("payment_lines_recipient_idx").on(t.recipientIin, t.month),
    index("payment_lines_demand_idx").on(t.demandId),
    index("payment_lines_application_idx").on(t.applicationId, t.month),
    check("payment_lines_amount", sql`${t.amountTiyn} > 0`),
    check("payment_lines_channel", sql`${t.channel} IN ('bank', 'kazpost')`),
    check("payment_lines_status", sql`${t.status} IN ('scheduled', 'demanded', 'funded', 'paid', 'returned', 'stopped')`),
    check("payment_lines_periodicity", sql`${t.periodicity} IN ('one_off', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'heating_season')`),
    check("payment_lines_month_first", sql`extract(day FROM ${t.month}) = 1`),
    check("payment_lines_demanded", sql`(${t.status} IN ('scheduled', 'stopped')) OR ${t.demandId} IS NOT NULL`),
    check("payment_lines_returned", sql`${t.status} <> 'returned' OR (${t.returnedOn} IS NOT NULL AND ${t.returnCode} IS NOT NULL)`),
  ],
);

/** One payment file: one payment organisation (BIC), one day. */
export const paymentOrders = pgTable(
  "payment_orders",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service").notNull(),
    orderDate: date("order_date").notNull(),
    channel: text("channel").$type<"bank" | "kazpost">().notNull(),
    bic: varchar("bic", { length: 11 }).notNull(),
    msgId: varchar("msg_id", { length: 35 }).notNull(),
    lineCount: integer("line_count").notNull(),
    totalTiyn: bigint("total_tiyn", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("payment_orders_msg_id_uq").on(t.msgId),
    index("payment_orders_date_idx").on(t.orderDate),
    check("payment_orders_channel", sql`${t.channel} IN ('bank', 'kazpost')`),
  ],
);

/** One attempt to pay a line; its EndToEndId is how a return finds the line. */
export const paymentOrderItems = pgTable(
  "payment_order_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: bigint("order_id", { mode: "number" }).notNull().references(() => paymentOrders.id),
    lineId: bigint("line_id", { mode: "number" }).notNull().references(() => paymentLines.id),
    attempt: integer("attempt").notNull(),
    endToEndId: varchar("end_to_end_id", { length: 35 }).notNull(),
    iban: varchar("iban", { length: 34 }).notNull(),
    bic: varchar("bic", { length: 11 }).notNull(),
    amountTiyn: bigint("amount_tiyn", { mode: "number" }).notNull(),
    returnedOn: date("returned_on"),
    returnCode: varchar("return_code", { length: 4 }),
    returnRecordedBy: date("return_recorded_by"),
    returnToDistrictBy: date("return_to_district_by"),
    /** The day Komek recorded the return (clause 22: within 3 working days of the notice) and whether that was late. */
    returnRecordedOn: date("return_recorded_on"),
    returnLate: boolean("return_late"),
    /** Clause 23: the day the returned sum went back to the district body. */
    returnedToDistrictOn: date("returned_to_district_on"),
  },
  (t) => [
    uniqueIndex("payment_order_items_e2e_uq").on(t.endToEndId),
    uniqueIndex("payment_order_items_attempt_uq").on(t.lineId, t.attempt),
    index("payment_order_items_order_idx").on(t.orderId, t.id),
    check("payment_order_items_amount", sql`${t.amountTiyn} > 0`),
  ],
);

/** Clause 14: why and from when an assignment stopped being paid. */
export const paymentTerminations = pgTable(
  "payment_terminations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service").notNull(),
    applicationId: uuid("application_id").notNull().references(() => applications.id),
    ground: text("ground").notNull(),
    eventDate: date("event_date").notNull(),
    stopFrom: date("stop_from").notNull(),
    source: text("source").$type<"registry" | "staff">().notNull(),
    recordedOn: date("recorded_on").notNull(),
    recordedBy: bigint("recorded_by", { mode: "number" }).references(() => staffAccounts.id),
    stoppedLines: integer("stopped_lines").notNull(),
    overpaidLines: integer("overpaid_lines").notNull(),
    note: text("note"),
    /** A staff termination is signed with ЭЦП (ADR 023): the payload that states it, its JWS and the signer. */
    signedPayload: text("signed_payload"),
    signature: text("signature"),
    signerIin: char("signer_iin", { length: 12 }),
  },
  (t) => [
    uniqueIndex("payment_terminations_once_uq").on(t.service, t.applicationId),
    check("payment_terminations_ground", sql`${t.ground} IN ('death', 'moved_out', 'institution', 'false_information', 'lost_grounds')`),
    check("payment_terminations_source", sql`${t.source} IN ('registry', 'staff')`),
  ],
);

/** Clause 15: a sum paid for a time no longer due, to be recovered. */
export const paymentOverpayments = pgTable(
  "payment_overpayments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    lineId: bigint("line_id", { mode: "number" }).notNull().references(() => paymentLines.id),
    terminationId: bigint("termination_id", { mode: "number" }).notNull().references(() => paymentTerminations.id),
    recipientIin: char("recipient_iin", { length: 12 }).notNull(),
    amountTiyn: bigint("amount_tiyn", { mode: "number" }).notNull(),
    recovery: text("recovery").$type<"voluntary" | "voluntary_or_court">().notNull(),
    status: text("status").$type<OverpaymentStatus>().notNull().default("notified"),
    detectedOn: date("detected_on").notNull(),
    repaidTiyn: bigint("repaid_tiyn", { mode: "number" }).notNull().default(0),
    statusOn: date("status_on"),
  },
  (t) => [
    uniqueIndex("payment_overpayments_line_uq").on(t.lineId),
    index("payment_overpayments_recipient_idx").on(t.recipientIin),
    check("payment_overpayments_amount", sql`${t.amountTiyn} > 0`),
    check("payment_overpayments_recovery", sql`${t.recovery} IN ('voluntary', 'voluntary_or_court')`),
    check("payment_overpayments_status", sql`${t.status} IN ('notified', 'partially_repaid', 'repaid', 'in_court', 'recovered', 'written_off')`),
    check("payment_overpayments_repaid", sql`${t.repaidTiyn} >= 0 AND ${t.repaidTiyn} <= ${t.amountTiyn}`),
  ],
);

/** Every payment action of a person or the system; append-only (triggers in migration 0014). */
export const paymentAudit = pgTable(
  "payment_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorLabel: varchar("actor_label", { length: 64 }).notNull(),
    actorRole: varchar("actor_role", { length: 24 }).notNull(),
    action: varchar("action", { length: 40 }).notNull(),
    subject: varchar("subject", { length: 64 }).notNull(),
    details: jsonb("details"),
  },
  (t) => [index("payment_audit_subject_idx").on(t.subject, t.at)],
);

export type PaymentLine = typeof paymentLines.$inferSelect;
export type PaymentDemand = typeof paymentDemands.$inferSelect;
export type PaymentOrder = typeof paymentOrders.$inferSelect;
export type PaymentOrderItem = typeof paymentOrderItems.$inferSelect;
