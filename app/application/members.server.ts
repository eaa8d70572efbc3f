/**
 * The family on an application comes from the applicant's household in the registry (Annex 12: the
 * state's data, through the gateway), never from whatever IIN the applicant types: a person outside
 * the household is refused before anything about them is read or shown. Every screen that shows a
 * member's name or incomes writes a row to that member's «who looked at my data».
 */
import type { Gateway, GatewayPerson } from "../domain/gateway";
import type { Draft } from "../domain/application-draft";
import { householdRelation } from "../domain/family";
import { retryMinutes, type ThrottlePolicy } from "../domain/throttle";
import { getDb } from "../db.server";
import { recordFamilyRead } from "../audit/access.server";
import { takeAttempt } from "../../db/queries/limits";


/** Ten tries an hour to add a member, counted before the household is looked at. */
export const MEMBER_ADD_POLICY: ThrottlePolicy = { free: 10, baseSeconds: 3600, capSeconds: 3600, resetMinutes: 60 };

/** The applicant's living household from the registry, the applicant left out. */
export async function householdOf(gateway: Gateway, applicantIin: string): Promise<GatewayPerson[]> {
  const household = await gateway.getHouseholdMembers(applicantIin);
  return household.filter((p) => p.iin !== applicantIin && !p.deathDate);
}

/**
 * The members in the draft that belong to the household — or, before the citizen has touched the
 * step, the whole household. A member saved before this rule (or who has left the household since)
 * is not shown and not submitted.
 */
export async function currentMembers(gateway: Gateway, applicantIin: string, draft: Draft) {
  const household = await householdOf(gateway, applicantIin);
  if (!draft.members) return household.map((p) => ({ iin: p.iin, relation: householdRelation(p.householdRole) }));
  const inHousehold = new Set(household.map((p) => p.iin));
  return draft.members.filter((m) => inHousehold.has(m.iin));
}

/**
 * The members a step shows, with their registry records, logged for each member shown. `extra` are
 * IINs the step shows besides the members (the applicant, whose own reads are not logged).
 */
export async function familyOnScreen(gateway: Gateway, own: { user: { iin: string }; application: { id: string }; draft: Draft }, step: string) {
  const members = await currentMembers(gateway, own.user.iin, own.draft);
  const [household, applicant] = await Promise.all([householdOf(gateway, own.user.iin), gateway.getPerson(own.user.iin)]);
  const people = new Map(household.filter((p) => members.some((m) => m.iin === p.iin)).map((p) => [p.iin, p]));
  if (applicant) people.set(applicant.iin, applicant);
  await recordFamilyRead(own.user.iin, members.map((m) => m.iin), own.application.id, step);
  return { members, people };
}

export type MemberCheck = { ok: true } | { ok: false; error: "throttled"; retryAfterMinutes: number } | { ok: false; error: "notInHousehold" };

/**
 * May this IIN be added? Counted first (one statement, so parallel posts cannot exceed the limit),
 * then compared with the registry household. The answer is the same whether the IIN exists or not.
 */
export async function checkNewMember(gateway: Gateway, applicantIin: string, iin: string, now = new Date()): Promise<MemberCheck> {
  const { db } = await getDb();
  const verdict = await takeAttempt(db, `members_add:${applicantIin}`, now, MEMBER_ADD_POLICY);
  if (!verdict.allowed) return { ok: false, error: "throttled", retryAfterMinutes: retryMinutes(verdict.retryAfterSeconds) };
  const household = await householdOf(gateway, applicantIin);
  return household.some((p) => p.iin === iin) ? { ok: true } : { ok: false, error: "notInHousehold" };
}
