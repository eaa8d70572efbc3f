/**
 * TEST AND DEMO DATA ONLY — reached from the integration tests, the demo seed (payments) and from
 * POST /dev/fixtures/deciding, which answers 404 unless demo mode is on (app/routes/dev.fixtures.deciding.ts).
 *
 * The one demo-case helper: registerDemoCase registers an application for a person the portal's way
 * (registerCase, the household as family, the settlement of the current registration), so the staff
 * steps have a case to work on; signDemoAssignment walks such a case through the audited workflow to
 * a signed, delivered assignment (what the payment pipeline starts from).
 */
import type { Tx } from "../db.server";
import { registryGateway } from "../../db/queries/registry";
import { caseDueDate, registerCase } from "../services/register.server";
import { getService } from "../services/registry";
import { eq } from "drizzle-orm";
import { applications, notices, noticeCosignatures } from "../../db/schema";
import { aspDefinition } from "../services/asp/definition";
import type { ServiceDefinition } from "../services/definition";
import { ensureCitizenAccount, findStaffByLogin } from "../../db/queries/accounts";
import { changeStatus, insertDecision, insertNotice } from "../../db/queries/deciding";
import type { Db } from "../../db/client";
import { isWorkingDay, kzCalendar } from "../domain/workdays";
import { addCalendarDays, kzDate } from "../domain/kz-time";
import { familyFromHousehold } from "../domain/family";
import { demoCitizens } from "../../db/seed/demo-people";

/** Is this IIN one of the seeded demo citizens (the only people the fixture registers cases for)? */
export function isDemoCitizen(iin: string): boolean {
  return demoCitizens.some((c) => c.iin === iin);
}

/**
 * A demo case was filed in working time on the last working day up to today: staff can then take
 * every step today (a survey dated today, say), whatever the hour or weekday the demo is run on.
 * Filed "now" after 18:30 it would be accepted tomorrow, and today's survey would come before it.
 */
function demoApplicationDay(now: Date) {
  let day = kzDate(now);
  while (!isWorkingDay(day, kzCalendar)) day = addCalendarDays(day, -1);
  return day;
}
import type { ApplicationStatus } from "../../db/schema";

export type DemoCaseOptions = {
  definition?: ServiceDefinition;
  /** The application day; by default the portal's for `now`. */
  applicationDate?: string;
  /** What the application says (e.g. the chosen payment account). */
  draft?: Record<string, unknown>;
};

export async function registerDemoCase(db: Db, applicantIin: string, now = new Date(), opts: DemoCaseOptions = {}) {
  const gateway = registryGateway(db as Tx);
  const household = await gateway.getHouseholdMembers(applicantIin);
  const registrations = await gateway.getRegistrations([applicantIin]);
  const current = registrations.find((r) => r.validTo === null) ?? registrations[0];
  if (!current) throw new Error(`no registration for ${applicantIin}`);
  const family = familyFromHousehold(applicantIin, household);
  const applicationDate = opts.applicationDate ?? demoApplicationDay(now);
  await ensureCitizenAccount(db, applicantIin);
  const registered = await registerCase(db, opts.definition ?? aspDefinition, {
    applicantIin,
    channel: "portal",
    members: family,
    katoCode: current.settlementKato,
    applicationDate,
    registeredBy: "system",
    now,
    ...(opts.draft ? { draft: opts.draft } : {}),
  });
  if (!registered.ok) throw new Error(`cannot register a case for ${applicantIin}: ${registered.reason}`);
  return { applicationId: registered.applicationId, registrationNumber: registered.registrationNumber, members: family.map((m) => m.iin) };
}

const WALK: [action: string, from: ApplicationStatus, to: ApplicationStatus][] = [
  ["send_to_commission", "registered", "sent_to_commission"],
  ["record_survey", "sent_to_commission", "survey_recorded"],
  ["assign_specialist", "survey_recorded", "specialist_assigned"],
  ["compute_income", "specialist_assigned", "income_computed"],
  ["draft_decision", "income_computed", "decision_drafted"],
  ["sign_decision", "decision_drafted", "decision_signed"],
  ["deliver_notice", "decision_signed", "notice_delivered"],
];

/**
 * Walks a registered demo case through the audited workflow (as the demo head, nura.head) to an
 * assignment of `amountTiyn` for `periodFrom`–`periodTo` with a signed, delivered notice.
 * Needs seedAccounts first.
 */
export async function signDemoAssignment(
  db: Db,
  p: { applicationId: string; registrationNumber: string; amountTiyn: number; periodFrom: string; periodTo: string; now: Date },
): Promise<{ decisionId: number }> {
  const head = await findStaffByLogin(db, "nura.head");
  if (!head) throw new Error("seed the staff accounts first (nura.head)");
  const id = p.applicationId;
  const [app] = await db.select({ service: applications.service }).from(applications).where(eq(applications.id, id));
  // A service whose notices the specialist signs before the head (local assistance, ADR 022) gets the
  // specialist's signature first, as the real steps do: the database refuses the head's without it.
  const cosigner = getService(app.service).signers.includes("specialist") ? await findStaffByLogin(db, "nura.specialist") : null;
  return db.transaction(async (tx) => {
    const actor = { kind: "staff" as const, staffId: head.id, login: head.login, role: head.role };
    for (const [action, from, to] of WALK) {
      if (action === "sign_decision" && cosigner) {
        const by = { kind: "staff" as const, staffId: cosigner.id, login: cosigner.login, role: cosigner.role };
        if (!(await changeStatus(tx, { applicationId: id, action: "cosign_decision", from, to: from, actor: by, at: p.now }))) throw new Error(`demo case ${id}: cosign_decision refused`);
      }
      if (!(await changeStatus(tx, { applicationId: id, action, from, to, actor, at: p.now }))) throw new Error(`demo case ${id}: ${action} refused`);
    }
    const decision = await insertDecision(tx, {
      applicationId: id, kind: "assignment", amountTiyn: p.amountTiyn, periodFrom: p.periodFrom, periodTo: p.periodTo, draftedBy: head.id, draftedAt: p.now,
    });
    const signed = { payload: "{}", signature: "demo.signature.payments", signerIin: head.iin, signerName: head.fullNameRu, signedBy: head.id, signedAt: p.now };
    const notice = await insertNotice(tx, {
      applicationId: id, decisionId: decision.id, registrationNumber: p.registrationNumber, verificationCode: `PAY${id.slice(0, 8)}`.toUpperCase(),
      ...(cosigner ? { payload: "{}" } : signed),
      textRu: "Назначена помощь.", textKk: "Көмек тағайындалды.", deliveredAt: p.now, createdAt: p.now,
    });
    if (cosigner) {
      await tx.insert(noticeCosignatures).values({
        noticeId: notice.id, applicationId: id, role: "specialist", payload: "{}", signature: "demo.cosignature.payments",
        signerIin: cosigner.iin, signerName: cosigner.fullNameRu, signedBy: cosigner.id, signedAt: p.now,
      });
      await tx.update(notices).set(signed).where(eq(notices.id, notice.id));
    }
    return { decisionId: decision.id };
  });
}

/**
 * TEST HOOK for the demo (KOMEK_DEMO=1 only, via /dev/fixtures/local-day): a portal application filed
 * after working hours is accepted on the next working day (application-day.ts), and a survey dated
 * today would come before it. The staff walk-through of a demo citizen's fresh application moves its
 * application day back to the last working day up to today, as demo cases are filed (above), with the
 * due date from its service's deadline. Only a registered demo case with no step taken yet.
 */
export async function backdateDemoApplication(db: Db, registrationNumber: string, now = new Date()) {
  const [app] = await db.select().from(applications).where(eq(applications.registrationNumber, registrationNumber));
  if (!app || app.status !== "registered" || !isDemoCitizen(app.applicantIin) || !app.applicationDate) return null;
  const day = demoApplicationDay(now);
  if (app.applicationDate <= day) return { applicationDate: app.applicationDate };
  const dueDate = caseDueDate(getService(app.service), app.channel, day);
  await db.update(applications).set({ applicationDate: day, dueDate }).where(eq(applications.id, app.id));
  return { applicationDate: day };
}
