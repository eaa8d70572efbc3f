/**
 * The signed extension notice (issue 16; Annex 12 item 3): when other agencies are asked, the case's
 * term is extended (app/staff/deciding.server.ts requestOtherAgencies moves applications.due_date — the
 * one stored due date every view reads) and the applicant is told in writing within 2 working days: the
 * head signs the notice with ЭЦП; it then shows in the cabinet and goes by SMS in the applicant's language.
 */
import { getDb } from "../db.server";
import { gatewayIn } from "../gateway.server";
import { verifyForRequest } from "../signature/trust.server";
import type { StaffUser } from "../session.server";
import type { Application } from "../../db/schema";
import * as q from "../../db/queries/complaints";
import { otherAgencyRequestsOf } from "../../db/queries/deciding";
import { extensionPayload, extensionSms, extensionText, type ExtensionFacts } from "./text";
import { smsCitizen } from "./complaints.server";
import type { Language } from "../../locales";

/** The facts of a request's notice still to be signed, or null (unknown, another case's, or already notified). */
export async function extensionFacts(application: Application, requestId: number): Promise<ExtensionFacts | null> {
  const { db } = await getDb();
  const request = (await otherAgencyRequestsOf(db, application.id)).find((r) => r.id === requestId);
  if (!request || request.notifiedAt || !application.registrationNumber) return null;
  return {
    requestId: request.id,
    registrationNumber: application.registrationNumber,
    agency: request.agency,
    requestedOn: request.requestedOn,
    extendedDays: request.extendedDays,
    dueBefore: request.dueBefore,
    dueAfter: request.dueAfter,
  };
}

export type ExtensionSignResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function signExtensionNotice(user: StaffUser, application: Application, requestId: number, input: { payload: string; jws: string }, now: Date): Promise<ExtensionSignResult> {
  const facts = await extensionFacts(application, requestId);
  if (!facts || extensionPayload(facts) !== input.payload) return { ok: false, errors: { form: "complaints:extension.stale" } };
  const signature = await verifyForRequest({ jws: input.jws, expectedIin: user.staff.iin, expectedPayload: input.payload });
  if (!signature.valid) return { ok: false, errors: { "sign-keyfile": `signature:reasons.${signature.reason}` } };
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const done = await q.markExtensionSigned(tx, requestId, application.id, {
      ru: extensionText(facts, "ru"), kk: extensionText(facts, "kk"), payload: input.payload, signature: input.jws,
      signerIin: signature.iin, signerName: signature.commonName ?? null, signerSerial: signature.serialNumber ?? null, by: user.staff.id, at: now,
    });
    if (!done) return { ok: false as const, errors: { form: "complaints:extension.stale" } };
    const person = await gatewayIn(tx).getPerson(application.applicantIin);
    const lng: Language = person?.preferredLanguage ?? "ru";
    await smsCitizen(tx, application.applicantIin, lng, extensionSms(facts, lng), now);
    return { ok: true as const };
  });
}
