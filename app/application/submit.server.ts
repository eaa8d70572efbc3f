/**
 * Submitting the signed e-application: the signature first (seed 002, 15-1/15-3), then the clause 7-1
 * checks over the state's data, then registration in one transaction.
 */
import { getDb } from "../db.server";
import { getGateway } from "../gateway.server";
import type { Gateway } from "../domain/gateway";
import { householdOf } from "./members.server";
import { canonicalJson } from "../signature/canonical";
import { verifyForRequest } from "../signature/trust.server";
import type { VerifyFailureReason } from "../signature/verify";
import { submissionPayload, STEPS, stepDone, type Draft } from "../domain/application-draft";
import { runSevenOneChecks, commonSettlement, type CheckFailure, type SubmissionFacts } from "../domain/seven-one";
import { kzDate } from "../domain/kz-time";
import { kzCalendar } from "../domain/workdays";
import { applicationDay } from "../domain/application-day";
import { markRejectedAtCheck } from "../../db/queries/applications";
import type { Application } from "../../db/schema";
import { getService } from "../services/registry";
import type { ServiceDefinition } from "../services/definition";
import { priorAssistanceFacts } from "../services/prior-assistance.server";
import { registerCase } from "../services/register.server";

export type SubmitOutcome =
  | { kind: "registered"; registrationNumber: string }
  | { kind: "rejected"; failures: CheckFailure[] }
  | { kind: "signature"; reason: VerifyFailureReason }
  | { kind: "payload_mismatch" }
  | { kind: "incomplete" };

/** The exact text the citizen signs for this draft. */
export function signedText(application: Pick<Application, "id" | "applicantIin" | "service">, draft: Draft) {
  return canonicalJson(submissionPayload(application.service, application.id, application.applicantIin, draft));
}

export async function gatherFacts(gateway: Gateway, service: ServiceDefinition, applicantIin: string, draft: Draft, now: Date): Promise<SubmissionFacts> {
  const today = kzDate(now);
  const members = [{ iin: applicantIin, relation: "applicant" }, ...(draft.members ?? [])];
  const iins = members.map((m) => m.iin);
  const { db } = await getDb();
  const [people, household, prior, registrations, account] = await Promise.all([
    Promise.all(iins.map((iin) => gateway.getPerson(iin))),
    householdOf(gateway, applicantIin),
    priorAssistanceFacts(db, gateway, service, iins, today),
    gateway.getRegistrations(iins),
    draft.payment ? gateway.findBankAccountByIban(draft.payment.iban) : Promise.resolve(null),
  ]);
  // Only the registry household may be on the application (app/application/members.server.ts).
  const inFamily = (iin: string) => iin === applicantIin || household.some((p) => p.iin === iin);
  return {
    applicantIin,
    members: members.map((m, i) => ({ iin: m.iin, relation: m.relation, found: !!people[i] && !people[i]!.deathDate && inFamily(m.iin) })),
    incomesConfirmed: draft.incomesConfirmed === true,
    payment: { iban: draft.payment?.iban ?? null, verified: !!account && account.iin === applicantIin && !account.closedAt },
    documentsConsent: !!draft.consent,
    ...prior,
    registrations: registrations
      .filter((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today))
      .map((r) => ({ iin: r.iin, settlementKato: r.settlementKato })),
  };
}

export async function submitApplication(args: {
  application: Application;
  draft: Draft;
  postedPayload: string;
  jws: string;
  now?: Date;
  /** The page's language at submission: the decision SMS goes in it (issue 16). */
  language?: "ru" | "kk";
}): Promise<SubmitOutcome> {
  const { application, draft } = args;
  const now = args.now ?? new Date();
  if (STEPS.slice(0, -1).some((s) => !stepDone(s, draft))) return { kind: "incomplete" };
  const expected = signedText(application, draft);
  // The page showed one thing, the draft now says another (edited in another tab, or tampered with).
  if (args.postedPayload !== expected) return { kind: "payload_mismatch" };
  const verdict = await verifyForRequest({ jws: args.jws, expectedIin: application.applicantIin, expectedPayload: expected });
  if (!verdict.valid) return { kind: "signature", reason: verdict.reason };
  const signed = { signedPayload: expected, signature: args.jws, signerSerial: verdict.serialNumber };

  const gateway = await getGateway();
  const service = getService(application.service);
  const facts = await gatherFacts(gateway, service, application.applicantIin, draft, now);
  const { db } = await getDb();
  const result = runSevenOneChecks(facts);
  if (!result.passed) {
    await markRejectedAtCheck(db, application.id, result.failures, now, signed);
    return { kind: "rejected", failures: result.failures };
  }
  // Filed after working time, on a day off or a holiday: accepted on the next working day.
  // (The due date follows from the service's portal deadline, in registerCase.)
  const day = applicationDay(now, kzCalendar);
  const outcome = await registerCase(db, service, {
    applicationId: application.id,
    applicantIin: application.applicantIin,
    channel: "portal",
    members: facts.members.map((m) => ({ iin: m.iin, relation: m.relation })),
    katoCode: commonSettlement(facts)!,
    applicationDate: day,
    registeredBy: "system",
    now,
    smsLanguage: args.language ?? null,
    ...signed,
  });
  if (outcome.ok) return { kind: "registered", registrationNumber: outcome.registrationNumber };
  // Lost a race with another submission that shares a member: the database said no.
  const failures: CheckFailure[] = [{ check: "no_prior_assistance", reason: "komek_pending", params: { member: "•••" } }];
  await markRejectedAtCheck(db, application.id, failures, now, signed);
  return { kind: "rejected", failures };
}
