/**
 * The registry stand-in behind the Gateway interface: one query per call, each taking a Db or Tx so
 * the caller owns the transaction.
 */
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import {
  aspRecords, bankAccounts, banks, incomes, kato, mobileNumbers, persons, property, registrations, statuses,
} from "../schema";
import type {
  Gateway, GatewayAspRecord, GatewayBank, GatewayBankAccount, GatewayIncome, GatewayKatoUnit, GatewayMobileNumber,
  GatewayPerson, GatewayProperty, GatewayRegistration, GatewayStatus,
} from "../../app/domain/gateway";

const personColumns = {
  iin: persons.iin,
  lastNameRu: persons.lastNameRu, firstNameRu: persons.firstNameRu, patronymicRu: persons.patronymicRu,
  lastNameKk: persons.lastNameKk, firstNameKk: persons.firstNameKk, patronymicKk: persons.patronymicKk,
  birthDate: persons.birthDate, sex: persons.sex, preferredLanguage: persons.preferredLanguage,
  householdId: persons.householdId, householdRole: persons.householdRole, deathDate: persons.deathDate,
};

const accountColumns = {
  iin: bankAccounts.iin, iban: bankAccounts.iban, bankCode: bankAccounts.bankCode, openedAt: bankAccounts.openedAt, closedAt: bankAccounts.closedAt,
};

const list = (iins: readonly string[]) => [...new Set(iins)];
const firstOfMonth = (month: string) => `${month.slice(0, 7)}-01`;

export async function getPerson(db: Tx, iin: string): Promise<GatewayPerson | null> {
  const [row] = await db.select(personColumns).from(persons).where(eq(persons.iin, iin));
  return row ?? null;
}

const roleOrder = sql`case ${persons.householdRole} when 'head' then 0 when 'spouse' then 1 when 'parent' then 2 when 'child' then 3 else 4 end`;

export async function getHouseholdMembers(db: Tx, iin: string): Promise<GatewayPerson[]> {
  const self = alias(persons, "self");
  // One round trip: everyone sharing the household of `iin`, or just that person when there is none.
  return db
    .select(personColumns)
    .from(persons)
    .innerJoin(self, eq(self.iin, iin))
    .where(sql`(${persons.householdId} = ${self.householdId} or (${self.householdId} is null and ${persons.iin} = ${self.iin}))`)
    .orderBy(roleOrder, asc(persons.birthDate), asc(persons.iin));
}

export async function getRegistrations(db: Tx, iins: readonly string[]): Promise<GatewayRegistration[]> {
  if (iins.length === 0) return [];
  const rows = await db
    .select({
      iin: registrations.iin, kind: registrations.kind, katoCode: registrations.katoCode, settlementKato: kato.settlementCode,
      addressRu: registrations.addressRu, addressKk: registrations.addressKk, validFrom: registrations.validFrom, validTo: registrations.validTo,
    })
    .from(registrations)
    .innerJoin(kato, eq(kato.code, registrations.katoCode))
    .where(inArray(registrations.iin, list(iins)))
    .orderBy(asc(registrations.iin), asc(registrations.validFrom), asc(registrations.id));
  // A unit without a settlement (a region or district) stands for itself.
  return rows.map((r) => ({ ...r, settlementKato: r.settlementKato ?? r.katoCode }));
}

export async function getIncomes(db: Tx, iins: readonly string[], fromMonth: string, toMonth: string): Promise<GatewayIncome[]> {
  if (iins.length === 0) return [];
  const rows = await db
    .select({ iin: incomes.iin, month: incomes.month, source: incomes.source, amount: incomes.amount })
    .from(incomes)
    .where(and(inArray(incomes.iin, list(iins)), gte(incomes.month, firstOfMonth(fromMonth)), lte(incomes.month, firstOfMonth(toMonth))))
    .orderBy(asc(incomes.month), asc(incomes.iin), asc(incomes.source));
  return rows.map((r) => ({ ...r, month: r.month.slice(0, 7) }));
}

export async function getMobileNumber(db: Tx, iin: string): Promise<GatewayMobileNumber | null> {
  const [row] = await db.select({ iin: mobileNumbers.iin, phone: mobileNumbers.phone, verifiedAt: mobileNumbers.verifiedAt }).from(mobileNumbers).where(eq(mobileNumbers.iin, iin));
  return row ?? null;
}

export async function findPersonByMobileNumber(db: Tx, phone: string): Promise<GatewayPerson | null> {
  const [row] = await db.select(personColumns).from(mobileNumbers).innerJoin(persons, eq(persons.iin, mobileNumbers.iin)).where(eq(mobileNumbers.phone, phone));
  return row ?? null;
}

export async function getBankAccounts(db: Tx, iin: string): Promise<GatewayBankAccount[]> {
  return db.select(accountColumns).from(bankAccounts).where(eq(bankAccounts.iin, iin)).orderBy(asc(bankAccounts.openedAt), asc(bankAccounts.id));
}

export async function findBankAccountByIban(db: Tx, iban: string): Promise<GatewayBankAccount | null> {
  const [row] = await db.select(accountColumns).from(bankAccounts).where(eq(bankAccounts.iban, iban.replace(/\s/g, "").toUpperCase()));
  return row ?? null;
}

export async function getAspRecords(db: Tx, iins: readonly string[]): Promise<GatewayAspRecord[]> {
  if (iins.length === 0) return [];
  return db
    .select({ iin: aspRecords.iin, kind: aspRecords.kind, periodFrom: aspRecords.periodFrom, periodTo: aspRecords.periodTo, amount: aspRecords.amount })
    .from(aspRecords)
    .where(inArray(aspRecords.iin, list(iins)))
    .orderBy(asc(aspRecords.iin), asc(aspRecords.periodFrom), asc(aspRecords.id));
}

export async function getStatuses(db: Tx, iins: readonly string[]): Promise<GatewayStatus[]> {
  if (iins.length === 0) return [];
  return db
    .select({ iin: statuses.iin, kind: statuses.kind, detail: statuses.detail, validFrom: statuses.validFrom, validTo: statuses.validTo })
    .from(statuses)
    .where(inArray(statuses.iin, list(iins)))
    .orderBy(asc(statuses.iin), asc(statuses.validFrom), asc(statuses.id));
}

export async function getProperty(db: Tx, iins: readonly string[]): Promise<GatewayProperty[]> {
  if (iins.length === 0) return [];
  return db
    .select({ iin: property.iin, kind: property.kind, descriptionRu: property.descriptionRu, descriptionKk: property.descriptionKk })
    .from(property)
    .where(inArray(property.iin, list(iins)))
    .orderBy(asc(property.iin), asc(property.id));
}

export async function listBanks(db: Tx): Promise<GatewayBank[]> {
  return db.select().from(banks).orderBy(asc(banks.nameRu));
}

export async function getKato(db: Tx, code: string): Promise<GatewayKatoUnit | null> {
  const [row] = await db.select().from(kato).where(eq(kato.code, code));
  return row ?? null;
}

/** The Gateway over this database (or transaction). */
export function registryGateway(db: Tx): Gateway {
  return {
    getPerson: (iin) => getPerson(db, iin),
    getHouseholdMembers: (iin) => getHouseholdMembers(db, iin),
    getRegistrations: (iins) => getRegistrations(db, iins),
    getIncomes: (iins, fromMonth, toMonth) => getIncomes(db, iins, fromMonth, toMonth),
    getMobileNumber: (iin) => getMobileNumber(db, iin),
    findPersonByMobileNumber: (phone) => findPersonByMobileNumber(db, phone),
    getBankAccounts: (iin) => getBankAccounts(db, iin),
    findBankAccountByIban: (iban) => findBankAccountByIban(db, iban),
    getAspRecords: (iins) => getAspRecords(db, iins),
    getStatuses: (iins) => getStatuses(db, iins),
    getProperty: (iins) => getProperty(db, iins),
    listBanks: () => listBanks(db),
    getKato: (code) => getKato(db, code),
  };
}
