/**
 * The state-registry stand-in: what the e-government gateway would return from the 24 state
 * information systems of Annex 12. The portal reads it only through app/gateway.server.ts.
 */
import { sql } from "drizzle-orm";
import {
  pgSchema, char, varchar, text, date, integer, bigserial, bigint, boolean, timestamp, index, uniqueIndex, check, primaryKey,
} from "drizzle-orm/pg-core";

import type { PersonFactKind } from "./fact-kinds";

export const registry = pgSchema("registry");

export const sexEnum = registry.enum("sex", ["M", "F"]);
export const languageEnum = registry.enum("language", ["ru", "kk"]);
export const registrationKindEnum = registry.enum("registration_kind", ["permanent", "temporary"]);
export const incomeSourceEnum = registry.enum("income_source", [
  "wage", "pension", "benefit", "entrepreneur", "alimony", "scholarship", "other",
]);
export const aspRecordKindEnum = registry.enum("asp_record_kind", ["assignment", "payment", "application"]);
export const statusKindEnum = registry.enum("status_kind", [
  "kandas", "refugee", "foreigner", "disability", "full_time_study", "entrepreneur", "employed", "imprisoned",
]);
export const propertyKindEnum = registry.enum("property_kind", ["real_estate", "land", "vehicle", "subsidiary_farm"]);
/** A member's place in the household as the civil-registry records (births, marriages) show it. */
export const householdRoleEnum = registry.enum("household_role", ["head", "spouse", "child", "parent", "other"]);

/**
 * Administrative-territorial units (KATO): regions and cities of republican significance (level 1),
 * districts and city districts (2), rural districts (3), settlements (4). `settlementCode` names the
 * settlement a unit lies in: itself for a settlement, the city for a city district, null above that —
 * so 7-1 check 3 compares settlements even when an address is recorded at city-district precision.
 */
export const kato = registry.table(
  "kato",
  {
    code: char("code", { length: 9 }).primaryKey(),
    parentCode: char("parent_code", { length: 9 }),
    level: integer("level").notNull(),
    nameRu: text("name_ru").notNull(),
    nameKk: text("name_kk").notNull(),
    isSettlement: boolean("is_settlement").notNull().default(false),
    settlementCode: char("settlement_code", { length: 9 }),
  },
  (t) => [check("kato_code_digits", sql`${t.code} ~ '^[0-9]{9}$'`)],
);

export const households = registry.table("households", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
});

export const persons = registry.table(
  "persons",
  {
    iin: char("iin", { length: 12 }).primaryKey(),
    lastNameRu: text("last_name_ru").notNull(),
    firstNameRu: text("first_name_ru").notNull(),
    patronymicRu: text("patronymic_ru"),
    lastNameKk: text("last_name_kk").notNull(),
    firstNameKk: text("first_name_kk").notNull(),
    patronymicKk: text("patronymic_kk"),
    birthDate: date("birth_date").notNull(),
    sex: sexEnum("sex").notNull(),
    preferredLanguage: languageEnum("preferred_language").notNull().default("ru"),
    householdId: bigint("household_id", { mode: "number" }).references(() => households.id),
    householdRole: householdRoleEnum("household_role"),
    deathDate: date("death_date"),
  },
  (t) => [
    index("persons_household_idx").on(t.householdId),
    check("persons_iin_digits", sql`${t.iin} ~ '^[0-9]{12}$'`),
  ],
);

export const registrations = registry.table(
  "registrations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    kind: registrationKindEnum("kind").notNull(),
    katoCode: char("kato_code", { length: 9 }).notNull().references(() => kato.code),
    addressRu: text("address_ru").notNull(),
    addressKk: text("address_kk").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [index("registrations_iin_idx").on(t.iin), index("registrations_kato_idx").on(t.katoCode)],
);

/** Monthly incomes by source, in whole tenge. `month` is the first day of the month. */
export const incomes = registry.table(
  "incomes",
  {
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    month: date("month").notNull(),
    source: incomeSourceEnum("source").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [primaryKey({ columns: [t.iin, t.month, t.source] }), check("incomes_amount_nonneg", sql`${t.amount} >= 0`)],
);

/** The mobile-citizens registry: verified numbers in E.164 (+7…). */
export const mobileNumbers = registry.table(
  "mobile_numbers",
  {
    iin: char("iin", { length: 12 }).primaryKey().references(() => persons.iin),
    phone: varchar("phone", { length: 16 }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mobile_numbers_phone_uq").on(t.phone)],
);

/** Second-tier banks and Kazpost: the IBAN's bank code (positions 5-7) identifies them. */
export const banks = registry.table("banks", {
  code: char("code", { length: 3 }).primaryKey(),
  bic: varchar("bic", { length: 11 }).notNull(),
  nameRu: text("name_ru").notNull(),
  nameKk: text("name_kk").notNull(),
  isPaymentOrganisation: boolean("is_payment_organisation").notNull().default(true),
});

export const bankAccounts = registry.table(
  "bank_accounts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    iban: char("iban", { length: 20 }).notNull(),
    bankCode: char("bank_code", { length: 3 }).notNull().references(() => banks.code),
    openedAt: date("opened_at").notNull(),
    closedAt: date("closed_at"),
  },
  (t) => [uniqueIndex("bank_accounts_iban_uq").on(t.iban), index("bank_accounts_iin_idx").on(t.iin)],
);

/** ASP already known to the state: assignments, payments and applications outside Komek. */
export const aspRecords = registry.table(
  "asp_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    kind: aspRecordKindEnum("kind").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to"),
    amount: integer("amount"),
  },
  (t) => [index("asp_records_iin_idx").on(t.iin)],
);

export const statuses = registry.table(
  "statuses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    kind: statusKindEnum("kind").notNull(),
    detail: text("detail"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
  },
  (t) => [index("statuses_iin_idx").on(t.iin)],
);

export const property = registry.table(
  "property",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    kind: propertyKindEnum("kind").notNull(),
    descriptionRu: text("description_ru").notNull(),
    descriptionKk: text("description_kk").notNull(),
  },
  (t) => [index("property_iin_idx").on(t.iin)],
);

/**
 * Facts about a person the district rule sets ask about (issue 14, migration 0015): one row per fact
 * and period; `kind` is one of PERSON_FACT_KINDS (db/schema/fact-kinds.ts), `value` narrows it (the
 * disability group "1"…"3" or "child", the benefit category …), `source` names the state system.
 */
export const personFacts = registry.table(
  "person_facts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    iin: char("iin", { length: 12 }).notNull().references(() => persons.iin),
    kind: text("kind").$type<PersonFactKind>().notNull(),
    value: text("value"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    source: text("source").notNull(),
  },
  (t) => [
    index("person_facts_kind_value_idx").on(t.kind, t.value),
    index("person_facts_iin_idx").on(t.iin),
    check("person_facts_period", sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type KatoUnit = typeof kato.$inferSelect;
export type NewKatoUnit = typeof kato.$inferInsert;
export type Bank = typeof banks.$inferSelect;
export type NewBank = typeof banks.$inferInsert;
export type NewHousehold = typeof households.$inferInsert;
export type Person = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;
export type Registration = typeof registrations.$inferSelect;
export type NewRegistration = typeof registrations.$inferInsert;
export type Income = typeof incomes.$inferSelect;
export type NewIncome = typeof incomes.$inferInsert;
export type MobileNumber = typeof mobileNumbers.$inferSelect;
export type NewMobileNumber = typeof mobileNumbers.$inferInsert;
export type BankAccount = typeof bankAccounts.$inferSelect;
export type NewBankAccount = typeof bankAccounts.$inferInsert;
export type AspRecord = typeof aspRecords.$inferSelect;
export type NewAspRecord = typeof aspRecords.$inferInsert;
export type Status = typeof statuses.$inferSelect;
export type NewStatus = typeof statuses.$inferInsert;
export type Property = typeof property.$inferSelect;
export type NewProperty = typeof property.$inferInsert;
export type PersonFact = typeof personFacts.$inferSelect;
export type NewPersonFact = typeof personFacts.$inferInsert;
