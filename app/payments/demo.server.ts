/**
 * TEST AND DEMO DATA ONLY — signed ASP assignments for the payment pipeline: a registry person with a
 * permanent registration, an open bank account and a mobile number; an application registered the
 * portal's way and walked through the audited workflow to a delivered notice; the assignment decision
 * and its signed notice. Used by the integration test, the benchmark and the demo seed.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { registerCase } from "../services/register.server";
import { aspDefinition } from "../services/asp/definition";
import { changeStatus, insertDecision, insertNotice } from "../../db/queries/deciding";
import { ensureCitizenAccount, findStaffByLogin, setCitizenPassword } from "../../db/queries/accounts";
import { rowsOf } from "../../db/rows";
import type { ApplicationStatus } from "../../db/schema";
import { makeKzIban } from "../domain/iban";
import { importReturns, runPayments, transferDue } from "./pipeline.server";
import { makeIin, parseIin } from "../domain/iin";

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

const WALK: [action: string, from: ApplicationStatus, to: ApplicationStatus][] = [
  ["send_to_commission", "registered", "sent_to_commission"],
  ["record_survey", "sent_to_commission", "survey_recorded"],
  ["assign_specialist", "survey_recorded", "specialist_assigned"],
  ["compute_income", "specialist_assigned", "income_computed"],
  ["draft_decision", "income_computed", "decision_drafted"],
  ["sign_decision", "decision_drafted", "decision_signed"],
  ["deliver_notice", "decision_signed", "notice_delivered"],
];

/** Creates the assignments; returns application ids in the same order. Needs seedAccounts (nura.head) first. */
export async function createDemoAssignments(db: Db, list: DemoAssignment[], now: Date): Promise<{ applicationId: string; iban: string; registrationNumber: string }[]> {
  const head = await findStaffByLogin(db, "nura.head");
  if (!head) throw new Error("seed the staff accounts first (nura.head)");
  const out: { applicationId: string; iban: string; registrationNumber: string }[] = [];
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
      VALUES (${a.iin}, 'permanent'::registry.registration_kind, ${a.katoCode}, 'ул. Абая, 1', 'Абай к., 1', '2010-01-01')`);
    await db.execute(sql`
      INSERT INTO registry.bank_accounts (iin, iban, bank_code, opened_at) VALUES (${a.iin}, ${iban}, ${a.bankCode}, '2015-01-01') ON CONFLICT DO NOTHING`);
    if (a.phone) await db.execute(sql`INSERT INTO registry.mobile_numbers (iin, phone) VALUES (${a.iin}, ${a.phone}) ON CONFLICT DO NOTHING`);
    const registered = await registerCase(db, aspDefinition, {
      applicantIin: a.iin, channel: "portal", members: [{ iin: a.iin, relation: "applicant" }], katoCode: a.katoCode,
      applicationDate: a.applicationDate, registeredBy: "system", now,
      draft: { payment: { kind: "on_file", iban, bankCode: a.bankCode } },
    });
    if (!registered.ok) throw new Error(`cannot register ${a.iin}: ${registered.reason}`);
    const id = registered.applicationId;
    await db.transaction(async (tx) => {
      for (const [action, from, to] of WALK) {
        const actor = { kind: "staff" as const, staffId: head.id, login: head.login, role: head.role };
        if (!(await changeStatus(tx, { applicationId: id, action, from, to, actor, at: now }))) throw new Error(`demo case ${id}: ${action} refused`);
      }
      const decision = await insertDecision(tx, {
        applicationId: id, kind: "assignment", amountTiyn: a.amountTiyn, periodFrom: a.periodFrom, periodTo: a.periodTo, draftedBy: head.id, draftedAt: now,
      });
      await insertNotice(tx, {
        applicationId: id, decisionId: decision.id, registrationNumber: registered.registrationNumber, verificationCode: `PAY${id.slice(0, 8)}`.toUpperCase(),
        payload: "{}", signature: "demo.signature.payments", signerIin: head.iin, signerName: head.fullNameRu, signedBy: head.id, signedAt: now,
        textRu: "Назначена ежемесячная АСП.", textKk: "Ай сайынғы АӘК тағайындалды.", deliveredAt: now, createdAt: now,
      });
    });
    out.push({ applicationId: id, iban, registrationNumber: registered.registrationNumber });
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
  await ensureCitizenAccount(db, iins[0]);
  await setCitizenPassword(db, iins[0], passwordHash);
  await runPayments("2026-11-27", { now: at("2026-11-27") });
  await transferDue("2026-12-01", { actor: { label: "demo", role: "finance_officer", staffId: null }, now: at("2026-12-01") });
  await runPayments("2026-12-01", { now: at("2026-12-01") });
  const [line] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM payment_lines WHERE application_id = ${created[0].applicationId} AND month = '2026-12-01'`),
  );
  await importReturns(
    `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>DEMO-RJ-20261203</MsgId><CreDtTm>2026-12-03T10:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>demo</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>demo</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>ASP-L${line.id}-A1</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>
</CstmrPmtStsRpt></Document>`,
    { now: at("2026-12-03") },
  );
  return true;
}
