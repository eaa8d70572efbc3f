/**
 * Paper applications at the employment Centre and by the village akim (issue 16, ADR 018; seed 000
 * Annex 12 items 1, 3, 5; clause 12 sub-item 2; seed 001 clause 9). A staff member files on a citizen's
 * behalf: identifies the person by IIN (the gateway fills what the state holds), records the family
 * (the registry household, as on the portal), scans the papers, takes consent on paper or by a code
 * sent to the registered number, and registers the application through the portal's own path —
 * gatherFacts, the clause 7-1 checks and registerCase — so no rule is written twice.
 */
import { getDb } from "../db.server";
import { getGateway } from "../gateway.server";
import { requireStaff, type StaffUser } from "../session.server";
import { recordAccess } from "../audit/access.server";
import { householdOf } from "../application/members.server";
import { checkOwnAccount } from "../application/payment.server";
import { checkOtp, maskPhone, otpStatus, sendOtp } from "../application/otp.server";
import { gatherFacts } from "../application/submit.server";
import { personName } from "../application/draft.server";
import { changeMembers, parseDraft, type Draft } from "../domain/application-draft";
import { householdRelation } from "../domain/family";
import { runSevenOneChecks, commonSettlement, type CheckFailure } from "../domain/seven-one";
import { applicationDates } from "../domain/application-day";
import { kzCalendar } from "../domain/workdays";
import { kzDate } from "../domain/kz-time";
import { findService, getService } from "../services/registry";
import { channelOf } from "../services/definition";
import { registerCase } from "../services/register.server";
import { markRejectedAtCheck } from "../../db/queries/applications";
import { recordSelfTransition } from "../../db/queries/deciding";
import * as q from "../../db/queries/intake";
import type { Application, StaffRole } from "../../db/schema";
import type { Language } from "../../locales";
import { INTAKE_ROLES, intakeChannel, isIntakeRole, servesResident, type IntakeRole } from "./channels";
import { checkScan, safeFileName } from "./scan";
import { decisionSmsT } from "./sms-text";

export type IntakeUser = StaffUser & { staff: StaffUser["staff"] & { role: IntakeRole } };

export async function requireIntakeStaff(request: Request): Promise<IntakeUser> {
  return (await requireStaff(request, INTAKE_ROLES as unknown as StaffRole[])) as IntakeUser;
}

/**
 * A paper application of the signed-in staff member's own office. Another office's id, a portal
 * application's id or a malformed id all read as "not found".
 */
export async function requireOwnIntake(request: Request, id: string | undefined) {
  const user = await requireIntakeStaff(request);
  const { db } = await getDb();
  const found = id ? await q.findIntake(db, id) : null;
  if (!found || found.intake.officeCode !== user.office.code) throw new Response("Not found", { status: 404 });
  return { user, application: found.application, intake: found.intake };
}

export type OwnIntake = Awaited<ReturnType<typeof requireOwnIntake>>;

/** The current registrations' settlements of a person on a day. */
async function currentSettlements(iins: readonly string[], today: string) {
  const registrations = await (await getGateway()).getRegistrations(iins);
  return registrations.filter((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today));
}

export type StartInput = { service: string; iin: string; language: Language };
export type StartOutcome = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/**
 * Opens a paper application: the service must accept this office's channel, the person must be in
 * the state's records and, for an akim, registered within its village or rural district. Nothing is
 * written unless every check passes.
 */
export async function startIntake(user: IntakeUser, input: StartInput, now = new Date()): Promise<StartOutcome> {
  const channel = intakeChannel(user.staff.role);
  const def = findService(input.service);
  if (!def || !def.channels.some((c) => c.channel === channel)) return { ok: false, errors: { service: "intake:errors.service" } };
  const gateway = await getGateway();
  const person = await gateway.getPerson(input.iin);
  if (!person || person.deathDate) return { ok: false, errors: { iin: "intake:errors.notFound" } };
  const settlements = await currentSettlements([input.iin], kzDate(now));
  if (!servesResident(user.office.katoPrefix, settlements.map((r) => r.settlementKato))) return { ok: false, errors: { iin: "intake:errors.outsideTerritory" } };
  const household = await householdOf(gateway, input.iin);
  const draft: Draft = {
    applicantSeen: true,
    members: household.map((p) => ({ iin: p.iin, relation: householdRelation(p.householdRole) })),
    membersConfirmed: false,
  };
  const { db } = await getDb();
  const id = await q.insertIntake(db, {
    service: def.key, applicantIin: input.iin, channel, officeCode: user.office.code, staffId: user.staff.id, smsLanguage: input.language, draft, now,
  });
  await recordAccess({ subjectIin: [input.iin, ...household.map((p) => p.iin)], actorRole: user.staff.role, actorId: user.staff.id, purpose: "case_processing", reference: id, shown: { intake: "start" } }, { db, now });
  return { ok: true, id };
}

/** Everything the intake page shows. */
export async function intakeView(own: OwnIntake, lng: Language, now = new Date()) {
  const { db } = await getDb();
  const gateway = await getGateway();
  const { application, user } = own;
  const draft = parseDraft(application.draft);
  const iin = application.applicantIin;
  const [person, household, accounts, mobile, scans, otp, registrar, forwarded, notice] = await Promise.all([
    gateway.getPerson(iin),
    householdOf(gateway, iin),
    gateway.getBankAccounts(iin),
    gateway.getMobileNumber(iin),
    q.scansOf(db, application.id),
    otpStatus(db, { iin, purpose: "intake_consent", now }),
    q.registrarOf(db, application.id),
    q.forwardingOf(db, application.id),
    q.deliveredNoticeOf(db, application.id),
  ]);
  const chosen = new Set((draft.members ?? []).map((m) => m.iin));
  return {
    id: application.id,
    service: application.service,
    serviceNameKey: getService(application.service).nameKey,
    channel: application.channel,
    role: user.staff.role,
    status: application.status,
    registrationNumber: application.registrationNumber,
    dueDate: application.dueDate,
    smsLanguage: application.smsLanguage,
    checkFailures: (application.checkFailures as CheckFailure[] | null) ?? [],
    applicant: { iin, name: person ? personName(person, lng) : iin, birthDate: person?.birthDate ?? null },
    household: household.map((p) => ({ iin: p.iin, name: personName(p, lng), relation: householdRelation(p.householdRole), chosen: chosen.has(p.iin) })),
    membersConfirmed: draft.membersConfirmed === true,
    incomesConfirmed: draft.incomesConfirmed === true,
    accounts: accounts.filter((a) => !a.closedAt).map((a) => ({ iban: a.iban, bankCode: a.bankCode })),
    payment: draft.payment?.iban ?? null,
    phone: mobile ? maskPhone(mobile.phone) : null,
    otp,
    consent: draft.consent ? { at: draft.consent.at, method: draft.consent.method ?? "otp" } : null,
    scans: scans.map((s) => ({ id: s.id, kind: s.kind, fileName: s.fileName, mimeType: s.mimeType, sizeBytes: s.sizeBytes, sha256: s.sha256, uploadedAt: s.uploadedAt.toISOString() })),
    registrar: registrar ? { name: lng === "kk" ? registrar.nameKk : registrar.nameRu, at: registrar.registeredAt.toISOString() } : null,
    forwarded: forwarded ? { at: forwarded.at.toISOString(), name: lng === "kk" ? forwarded.nameKk : forwarded.nameRu } : null,
    noticeId: notice?.id ?? null,
  };
}

type StepResult = { ok: true } | { ok: false; errors: Record<string, string>; status?: number };

const open = (a: Application) => a.status === "draft" || a.status === "rejected_at_check";
const closed: { ok: false; errors: Record<string, string>; status: number } = { ok: false, errors: { form: "intake:errors.alreadyRegistered" }, status: 409 };

async function update(own: OwnIntake, change: (d: Draft) => Draft, now: Date): Promise<StepResult> {
  if (!open(own.application)) return closed;
  const { db } = await getDb();
  const saved = await q.saveIntakeDraft(db, own.application.id, change(parseDraft(own.application.draft)), now);
  return saved ? { ok: true } : closed;
}

/** The family: members of the registry household only (the portal's rule), chosen by the applicant. */
export async function saveFamily(own: OwnIntake, iins: readonly string[], now = new Date()): Promise<StepResult> {
  const household = await householdOf(await getGateway(), own.application.applicantIin);
  const byIin = new Map(household.map((p) => [p.iin, p]));
  if (iins.some((i) => !byIin.has(i))) return { ok: false, errors: { member: "intake:errors.notInHousehold" } };
  const members = [...new Set(iins)].map((i) => ({ iin: i, relation: householdRelation(byIin.get(i)!.householdRole) }));
  return update(own, (d) => ({ ...changeMembers(d, members), membersConfirmed: true }), now);
}

export function confirmIncomes(own: OwnIntake, now = new Date()) {
  return update(own, (d) => ({ ...d, incomesConfirmed: true }), now);
}

/** The account the assistance is paid to: the applicant's own open account (the bank's word, as on the portal). */
export async function savePayment(own: OwnIntake, iban: string, now = new Date()): Promise<StepResult> {
  const checked = await checkOwnAccount(await getGateway(), own.application.applicantIin, iban);
  if (!checked.ok) return { ok: false, errors: { iban: `apply:errors.${checked.error}` } };
  return update(own, (d) => ({ ...d, payment: { kind: "on_file", iban: checked.iban, bankCode: checked.bankCode } }), now);
}

/** A scanned paper document or consent: type by magic bytes, size limited, sha256 kept. */
export async function addScan(own: OwnIntake, kind: "document" | "consent", file: File, now = new Date()): Promise<StepResult> {
  if (!open(own.application)) return closed;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkScan(bytes);
  if (!checked.ok) return { ok: false, errors: { file: `intake:errors.scan.${checked.error}` }, status: checked.error === "tooLarge" ? 413 : 400 };
  const { db } = await getDb();
  await q.insertScan(db, {
    applicationId: own.application.id, kind, fileName: safeFileName(file.name || "scan", checked.type), mimeType: checked.type, sizeBytes: checked.size,
    sha256: checked.sha256, bytes: Buffer.from(bytes), uploadedBy: own.user.staff.id, uploadedAt: now,
  });
  return { ok: true };
}

/** Consent on paper: the signed consent form must have been scanned first. */
export async function consentOnPaper(own: OwnIntake, now = new Date()): Promise<StepResult> {
  const { db } = await getDb();
  const scan = (await q.scansOf(db, own.application.id)).filter((s) => s.kind === "consent").at(-1);
  if (!scan) return { ok: false, errors: { consent: "intake:errors.consentScanMissing" } };
  return update(own, (d) => ({ ...d, consent: { at: now.toISOString(), phone: "", method: "paper", scanId: scan.id } }), now);
}

/** A one-time code to the citizen's number in the mobile-citizens registry, in the language chosen at the desk. */
export async function sendConsentCode(own: OwnIntake, now = new Date()): Promise<StepResult> {
  if (!open(own.application)) return closed;
  const mobile = await (await getGateway()).getMobileNumber(own.application.applicantIin);
  if (!mobile) return { ok: false, errors: { code: "intake:errors.noPhone" } };
  const language = (own.application.smsLanguage ?? "ru") as Language;
  const { db } = await getDb();
  const sent = await sendOtp(db, {
    iin: own.application.applicantIin, purpose: "intake_consent", phone: mobile.phone, language,
    render: (code) => decisionSmsT(language)("sms.otpConsent", { code }), now,
  });
  return sent.ok ? { ok: true } : { ok: false, errors: { code: "intake:errors.codeTooSoon" }, status: 429 };
}

/** The code the citizen read out: counted atomically before it is compared (app/application/otp.server.ts checkOtp). */
export async function verifyConsentCode(own: OwnIntake, code: string, now = new Date()): Promise<StepResult> {
  if (!open(own.application)) return closed;
  const { db } = await getDb();
  const check = await checkOtp(db, { iin: own.application.applicantIin, purpose: "intake_consent", code, now });
  if (!check.ok) {
    return { ok: false, errors: { code: check.error === "wrong" ? `intake:errors.codeWrong|${JSON.stringify({ left: check.attemptsLeft })}` : "intake:errors.codeExpired" }, status: 400 };
  }
  return update(own, (d) => ({ ...d, consent: { at: now.toISOString(), phone: check.phone, method: "otp" } }), now);
}

export type RegisterOutcome = { ok: true; registrationNumber: string } | { ok: false; errors: Record<string, string>; failures?: CheckFailure[]; status?: number };

/**
 * Registers the paper application in the journal (Annex 3, channel centre/akim) the portal's way:
 * the state's data gathered as for a signed e-application, the clause 7-1 checks, then registerCase,
 * whose transaction and active_case_members keep one live case per person. The journal and the
 * audit row name the staff member who accepted the papers.
 */
export async function registerIntake(own: OwnIntake, now = new Date()): Promise<RegisterOutcome> {
  const { application, user } = own;
  if (!open(application)) return closed;
  const draft = parseDraft(application.draft);
  if (!draft.membersConfirmed) return { ok: false, errors: { member: "intake:errors.familyNotConfirmed" } };
  const { db } = await getDb();
  const scans = await q.scansOf(db, application.id);
  if (!scans.some((s) => s.kind === "document")) return { ok: false, errors: { file: "intake:errors.noDocuments" } };
  const gateway = await getGateway();
  const def = getService(application.service);
  const facts = await gatherFacts(gateway, def, application.applicantIin, draft, now);
  const result = runSevenOneChecks(facts);
  if (!result.passed) {
    await markRejectedAtCheck(db, application.id, result.failures, now);
    return { ok: false, errors: { form: "intake:errors.checksFailed" }, failures: result.failures };
  }
  const katoCode = commonSettlement(facts)!;
  // An akim files only for its own residents: the family's settlement must be within its territory.
  if (!servesResident(user.office.katoPrefix, [katoCode])) return { ok: false, errors: { form: "intake:errors.outsideTerritory" } };
  const channel = intakeChannel(user.staff.role);
  const dates = applicationDates(now, channelOf(def, channel), kzCalendar);
  const outcome = await registerCase(db, def, {
    applicationId: application.id,
    applicantIin: application.applicantIin,
    channel,
    members: facts.members.map((m) => ({ iin: m.iin, relation: m.relation })),
    katoCode,
    applicationDate: dates.applicationDay,
    registeredBy: user.staff.login,
    actor: { staffId: user.staff.id, login: user.staff.login, role: user.staff.role },
    now,
  });
  if (outcome.ok) return { ok: true, registrationNumber: outcome.registrationNumber };
  const failures: CheckFailure[] = [{ check: "no_prior_assistance", reason: "komek_pending", params: { member: "•••" } }];
  await markRejectedAtCheck(db, application.id, failures, now);
  return { ok: false, errors: { form: "intake:errors.checksFailed" }, failures };
}

/**
 * The akim sends the registered package to the district body (seed 001 clause 9, action 4): an audited
 * step of the case with its own date, shown in the staff case view and the citizen's timeline. Once.
 */
export async function forwardToDistrict(own: OwnIntake, now = new Date()): Promise<StepResult> {
  const { application, user } = own;
  if (user.staff.role !== "akim" || application.channel !== "akim") return { ok: false, errors: { form: "intake:errors.notAkim" }, status: 403 };
  if (application.status !== "registered") return { ok: false, errors: { form: "intake:errors.notRegistered" }, status: 409 };
  const { db } = await getDb();
  if (await q.forwardingOf(db, application.id)) return { ok: false, errors: { form: "intake:errors.alreadyForwarded" }, status: 409 };
  await db.transaction(async (tx) => {
    // Lock the case so two clicks cannot forward it twice.
    const again = await q.lockRegistered(tx, application.id);
    if (!again || (await q.forwardingOf(tx, application.id))) return;
    await recordSelfTransition(tx, {
      applicationId: application.id,
      action: "forward_to_district",
      from: "registered",
      to: "registered",
      actor: { kind: "staff", staffId: user.staff.id, login: user.staff.login, role: user.staff.role },
      at: now,
      details: { office: user.office.code },
    });
    await q.recordForwardEvent(tx, application.id, now);
  });
  return { ok: true };
}

export { isIntakeRole };
