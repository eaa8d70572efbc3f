/**
 * TEST AND DEMO DATA ONLY — signed ASP assignments for the payment pipeline: a registry person with a
 * permanent registration, an open bank account and a mobile number; an application registered the
 * portal's way and walked through the audited workflow to a delivered notice; the assignment decision
 * and its signed notice. Used by the integration test, the benchmark and the demo seed.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { registerApplication } from "../../db/queries/applications";
import { changeStatus, insertDecision, insertNotice } from "../../db/queries/deciding";
import { findStaffByLogin } from "../../db/queries/accounts";
import type { ApplicationStatus } from "../../db/schema";
import { makeKzIban } from "../domain/iban";
import { parseIin } from "../domain/iin";

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
    const registered = await registerApplication(db, {
      applicantIin: a.iin, channel: "portal", members: [{ iin: a.iin, relation: "applicant" }], katoCode: a.katoCode,
      applicationDate: a.applicationDate, dueDate: a.applicationDate, registeredBy: "system", now,
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
