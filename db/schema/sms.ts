/**
 * SMS: every message in and out (the outbox the worker drains, and the inbound log that deduplicates
 * provider retries), the proactive ASP offers (seed 000, clauses 6 and 7-1) and opt-outs.
 */
import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, bigserial, bigint, char, varchar, text, integer, jsonb, timestamp, uuid, index, uniqueIndex, check,
} from "drizzle-orm/pg-core";
import { applications } from "./applications";

export const smsDirectionEnum = pgEnum("sms_direction", ["in", "out"]);
/**
 * queued: in our outbox; sending: handed to the provider, answer not yet recorded (a worker that died
 * here is the one message that may go out twice); sent: the provider accepted it; delivered /
 * undelivered / failed: the provider's final word (or ours, after the last retry); received: inbound.
 */
export const smsStatusEnum = pgEnum("sms_status", ["queued", "sending", "sent", "delivered", "undelivered", "failed", "received"]);
export const smsPurposeEnum = pgEnum("sms_purpose", ["otp", "offer", "reminder", "confirmation", "decision", "notice", "reply", "inbound"]);

/** Stages of the offer dialogue (sms/machine.ts OfferStage). */
export const OPEN_OFFER_STAGES = ["offered", "awaiting_payment", "awaiting_iban", "awaiting_bank"] as const;

export const proactiveOffers = pgTable(
  "proactive_offers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The service offered (its key in app/services/registry.ts). */
    service: varchar("service", { length: 32 }).notNull(),
    householdId: bigint("household_id", { mode: "number" }).notNull(),
    recipientIin: char("recipient_iin", { length: 12 }).notNull(),
    phone: varchar("phone", { length: 16 }).notNull(),
    language: varchar("language", { length: 2 }).notNull(),
    /** The family's settlement (KATO), where the application will be registered. */
    katoCode: char("kato_code", { length: 9 }).notNull(),
    /** What the scan saw: per-capita monthly income for `incomeQuarter` (e.g. 2026-Q3) and the poverty line. */
    perCapitaIncome: integer("per_capita_income").notNull(),
    povertyLine: integer("poverty_line").notNull(),
    incomeQuarter: varchar("income_quarter", { length: 7 }).notNull(),
    /** The dialogue's state (sms/machine.ts OfferState); `stage`, `remindAt`, `expiresAt` mirror it for queries. */
    stage: varchar("stage", { length: 20 }).notNull(),
    state: jsonb("state").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    remindAt: timestamp("remind_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    applicationId: uuid("application_id").references(() => applications.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A family has at most one open offer, whoever runs the scan and however often.
    uniqueIndex("proactive_offers_one_open_uq")
      .on(t.service, t.householdId)
      .where(sql`${t.stage} in ('offered', 'awaiting_payment', 'awaiting_iban', 'awaiting_bank')`),
    index("proactive_offers_household_created_idx").on(t.householdId, t.createdAt),
    index("proactive_offers_phone_idx").on(t.phone, t.id),
    // (recipient, id): "the citizen's latest offer" is one index probe, not a walk down the primary key.
    index("proactive_offers_recipient_idx").on(t.recipientIin, t.id),
    index("proactive_offers_due_idx").on(t.stage, t.expiresAt),
    check("proactive_offers_language", sql`${t.language} in ('ru', 'kk')`),
  ],
);

export const smsMessages = pgTable(
  "sms_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    direction: smsDirectionEnum("direction").notNull(),
    /** The other party's number, E.164. */
    phone: varchar("phone", { length: 16 }).notNull(),
    iin: char("iin", { length: 12 }),
    language: varchar("language", { length: 2 }).notNull(),
    body: text("body").notNull(),
    purpose: smsPurposeEnum("purpose").notNull(),
    status: smsStatusEnum("status").notNull(),
    /** Twilio's MessageSid (SM…), ours for the local transport, `cabinet:<uuid>` for answers from the cabinet. */
    providerSid: varchar("provider_sid", { length: 64 }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    offerId: bigint("offer_id", { mode: "number" }).references(() => proactiveOffers.id),
    /** The pg-boss job sending this row; null while the sweeper has not handed it to the queue. */
    jobId: uuid("job_id"),
    /** Bumped by a manual retry, so the retry gets a new job id. */
    generation: integer("generation").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Each inbound MessageSid is processed once, however often the provider retries the webhook.
    uniqueIndex("sms_messages_provider_sid_uq").on(t.providerSid),
    index("sms_messages_outbox_idx").on(t.id).where(sql`${t.status} = 'queued' and ${t.jobId} is null`),
    index("sms_messages_phone_idx").on(t.phone, t.id),
    // The cabinet's SMS history (by IIN or by phone, newest first).
    index("sms_messages_iin_idx").on(t.iin, t.id),
    index("sms_messages_offer_idx").on(t.offerId),
    check("sms_messages_direction_status", sql`(${t.direction} = 'in') = (${t.status} = 'received')`),
    check("sms_messages_language", sql`${t.language} in ('ru', 'kk')`),
  ],
);

/** STOP is final: numbers that opted out of offers and notices. */
export const smsOptOuts = pgTable("sms_opt_outs", {
  phone: varchar("phone", { length: 16 }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});

export type SmsMessage = typeof smsMessages.$inferSelect;
export type NewSmsMessage = typeof smsMessages.$inferInsert;
export type SmsPurpose = (typeof smsPurposeEnum.enumValues)[number];
export type SmsStatus = (typeof smsStatusEnum.enumValues)[number];
export type ProactiveOffer = typeof proactiveOffers.$inferSelect;
