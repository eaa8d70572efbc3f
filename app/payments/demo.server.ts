/**
 * TEST AND DEMO DATA ONLY — signed ASP assignments for the payment pipeline: a registry person with a
 * permanent registration, an open bank account and a mobile number; an application registered the
 * portal's way and walked through the audited workflow to a delivered notice; the assignment decision
 * and its signed notice. Used by the integration test, the benchmark and the demo seed.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { ServiceDefinition } from "../services/definition";
import { ensureCitizenAccount, setCitizenPassword } from "../../db/queries/accounts";
import { rowsOf } from "../../db/rows";
import { makeKzIban } from "../domain/iban";
import { importReturns, runPayments, transferDue } from "./pipeline.server";
import { makeIin, parseIin } from "../domain/iin";
import { registerDemoCase, signDemoAssignment } from "../staff/demo-case.server";
import { pain002 } from "./files";

export type DemoAssignment = {
  iin: string;
  lastName: string;
  firstName: string;
  language: "ru" | "kk";
  phone: string | null;
  bankCode: string;
  /** 13 characters after the bank code. */
  account: string;
  katoCode: string;
  amountTiyn: number;
  periodFrom: string;
  periodTo: string;
  applicationDate: string;
};

/**
 * Creates the registry people and their signed assignments (the one demo-case helper,
 * app/staff/demo-case.server.ts); returns application ids in the same order. Needs seedAccounts
 * (nura.head) first. `definition`: the service, ASP by default.
 */
export async function createDemoAssignments(
  db: Db, list: DemoAssignment[], now: Date, definition?: ServiceDefinition,
): Promise<{ applicationId: string; iban: string; registrationNumber: string; decisionId: number }[]> {
  const out: { applicationId: string; iban: string; registrationNumber: string; decisionId: number }[] = [];
  for (const a of list) {
    const iban = makeKzIban(a.bankCode, a.account);
    const parsed = parseIin(a.iin);
    if (!parsed.valid) throw new Error(`not a valid IIN: ${a.iin}`);
    await db.execute(sql`
      INSERT INTO registry.persons (iin, last_name_ru, first_name_ru, last_name_kk, first_name_kk, birth_date, sex, preferred_language)
      VALUES (${a.iin}, ${a.lastName}, ${a.firstName}, ${a.lastName}, ${a.firstName},
              ${parsed.birthDate}::date, ${parsed.sex}::registry.sex, ${a.language}::registry.language)
      ON CONFLICT DO NOTHING`);
    await db.execute(sql`
      INSERT INTO registry.registrations (iin, kind, kato_code, address_ru, address_kk, valid_from)
      SELECT ${a.iin}, 'permanent'::registry.registration_kind, ${a.katoCode}, 'ул. Абая, 1', 'Абай к., 1', '2010-01-01'
      WHERE NOT EXISTS (SELECT 1 FROM registry.registrations WHERE iin = ${a.iin})`);
    await db.execute(sql`
      INSERT INTO registry.bank_accounts (iin, iban, bank_code, opened_at) VALUES (${a.iin}, ${iban}, ${a.bankCode}, '2015-01-01') ON CONFLICT DO NOTHING`);
    if (a.phone) await db.execute(sql`INSERT INTO registry.mobile_numbers (iin, phone) VALUES (${a.iin}, ${a.phone}) ON CONFLICT DO NOTHING`);
    const registered = await registerDemoCase(db, a.iin, now, {
      definition, applicationDate: a.applicationDate, draft: { payment: { kind: "on_file", iban, bankCode: a.bankCode } },
    });
    const { decisionId } = await signDemoAssignment(db, {
      applicationId: registered.applicationId, registrationNumber: registered.registrationNumber, amountTiyn: a.amountTiyn,
      periodFrom: a.periodFrom, periodTo: a.periodTo, now,
    });
    out.push({ applicationId: registered.applicationId, iban, registrationNumber: registered.registrationNumber, decisionId });
  }
  return out;
}

/** The demo recipients' IINs: valid, deterministic, outside the demo families' serials. */
export function demoRecipientIins(count = 12): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const iin = makeIin(`1968-04-${String(1 + i).padStart(2, "0")}`, i % 2 ? "M" : "F", 9101 + i);
    if (iin) out.push(iin);
  }
  return out;
}

const DEMO_BANKS = ["601", "722", "601", "722", "856", "563", "601", "722", "965", "601", "722", "563"];
const DEMO_NAMES: [string, string][] = [
  ["Сапарова", "Гульмира"], ["Ержанов", "Асхат"], ["Ким", "Елена"], ["Нурланов", "Дамир"], ["Абенова", "Жанар"], ["Ли", "Сергей"],
  ["Токаева", "Айжан"], ["Иванов", "Павел"], ["Бекова", "Сауле"], ["Маратов", "Ильяс"], ["Серикова", "Дана"], ["Ахметов", "Канат"],
];

/**
 * The payment demo of `npm start` (README "What to try"): twelve signed ASP assignments in Nura and
 * Akzhar from November 2026, December's demand, transfer and orders already run, and one return —
 * so the first recipient (who can sign in) sees a paid and a returned payment. Once only.
 */
export async function seedPaymentDemo(db: Db, passwordHash: string): Promise<boolean> {
  const iins = demoRecipientIins();
  const existing = await db.execute(sql`SELECT 1 FROM registry.persons WHERE iin = ${iins[0]}`);
  if ((Array.isArray(existing) ? existing : (existing as { rows: unknown[] }).rows).length > 0) return false;
  const at = (date: string) => new Date(`${date}T05:00:00Z`);
  const list: DemoAssignment[] = iins.map((iin, i) => ({
    iin, lastName: DEMO_NAMES[i][0], firstName: DEMO_NAMES[i][1], language: i % 3 === 0 ? "kk" : "ru", phone: `+7701888${String(1000 + i)}`,
    bankCode: DEMO_BANKS[i], account: `D${String(i + 1).padStart(12, "0")}`, katoCode: i < 9 ? "355230100" : "593430100",
    amountTiyn: 1_850_000 + i * 73_550, periodFrom: i === 0 ? "2026-11" : "2026-12", periodTo: "2027-05", applicationDate: "2026-10-19",
  }));
  const created = await createDemoAssignments(db, list, at("2026-11-10"));
  // The first two recipients can sign in: Gulmira (a paid and a returned payment) and Askhat (for a staff termination to try).
  for (const iin of iins.slice(0, 2)) {
    await ensureCitizenAccount(db, iin);
    await setCitizenPassword(db, iin, passwordHash);
  }
  await runPayments("2026-11-27", { now: at("2026-11-27") });
  await transferDue("2026-12-01", { actor: { label: "demo", role: "finance_officer", staffId: null }, now: at("2026-12-01") });
  await runPayments("2026-12-01", { now: at("2026-12-01") });
  const [line] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM payment_lines WHERE application_id = ${created[0].applicationId} AND month = '2026-12-01'`),
  );
  await importReturns(
    pain002({ msgId: "DEMO-RJ-20261203", createdAt: "2026-12-03T10:00:00", originalMsgId: "demo", rejected: [{ endToEndId: `ASP-L${line.id}-A1`, reason: "AC04" }] }),
    { now: at("2026-12-03") },
  );
  return true;
}
