/**
 * Clause 7-1 checks (seed 000): run after the signature is verified, over plain data.
 * 1. completeness of the submitted information;
 * 2. no assignment, payment or pending application of the service for the applicant or any family
 *    member (one definition for every channel: app/domain/prior-assistance.ts, ADR 012);
 * 3. every member registered (permanently or temporarily) within one settlement.
 * The database enforces check 2 again under concurrency (active_case_members); this is the readable rule.
 */
export type SevenOneCheck = "completeness" | "no_prior_assistance" | "one_settlement";

export type CheckFailure = { check: SevenOneCheck; reason: string; params?: Record<string, string | number> };

export type SubmissionFacts = {
  applicantIin: string;
  members: { iin: string; relation: string; found: boolean }[];
  incomesConfirmed: boolean;
  payment: { iban: string | null; verified: boolean };
  documentsConsent: boolean;
  /** The registry's records of the service (assignment/payment/application) in force on the application day. */
  registryPrior: { iin: string; kind: "assignment" | "payment" | "application" }[];
  /** Live Komek cases (registered and not yet closed) that include one of the members. */
  komekActive: { iin: string; registrationNumber: string | null }[];
  /** Current registrations of each member (permanent or temporary). */
  registrations: { iin: string; settlementKato: string }[];
};

export function checkCompleteness(f: SubmissionFacts): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (!f.members.some((m) => m.iin === f.applicantIin)) failures.push({ check: "completeness", reason: "applicantMissing" });
  for (const m of f.members) if (!m.found) failures.push({ check: "completeness", reason: "memberNotFound", params: { iin: m.iin } });
  if (!f.incomesConfirmed) failures.push({ check: "completeness", reason: "incomesNotConfirmed" });
  if (!f.payment.iban || !f.payment.verified) failures.push({ check: "completeness", reason: "paymentMissing" });
  if (!f.documentsConsent) failures.push({ check: "completeness", reason: "consentMissing" });
  return failures;
}

export function checkNoPriorAssistance(f: SubmissionFacts): CheckFailure[] {
  const memberIins = new Set(f.members.map((m) => m.iin));
  const failures: CheckFailure[] = [];
  const seen = new Set<string>();
  for (const r of f.registryPrior) {
    if (!memberIins.has(r.iin) || seen.has(r.iin)) continue;
    seen.add(r.iin);
    failures.push({ check: "no_prior_assistance", reason: `registry_${r.kind}`, params: memberParams(r.iin, f) });
  }
  for (const a of f.komekActive) {
    if (!memberIins.has(a.iin) || seen.has(a.iin)) continue;
    seen.add(a.iin);
    failures.push({ check: "no_prior_assistance", reason: "komek_pending", params: memberParams(a.iin, f) });
  }
  return failures;
}

export function checkOneSettlement(f: SubmissionFacts): CheckFailure[] {
  const byMember = new Map<string, Set<string>>();
  for (const r of f.registrations) {
    if (!byMember.has(r.iin)) byMember.set(r.iin, new Set());
    byMember.get(r.iin)!.add(r.settlementKato);
  }
  const unregistered = f.members.filter((m) => !byMember.has(m.iin));
  if (unregistered.length) {
    return unregistered.map((m) => ({ check: "one_settlement", reason: "notRegistered", params: memberParams(m.iin, f) }));
  }
  // A settlement every member is registered in (permanently or temporarily).
  const common = f.members.map((m) => byMember.get(m.iin)!).reduce((acc, s) => new Set([...acc].filter((k) => s.has(k))));
  return common.size > 0 ? [] : [{ check: "one_settlement", reason: "differentSettlements" }];
}

/** The settlement the family lives in, when check 3 passes. */
export function commonSettlement(f: SubmissionFacts): string | null {
  const sets = f.members.map((m) => new Set(f.registrations.filter((r) => r.iin === m.iin).map((r) => r.settlementKato)));
  if (!sets.length) return null;
  const common = sets.reduce((acc, s) => new Set([...acc].filter((k) => s.has(k))));
  return [...common].sort()[0] ?? null;
}

export function runSevenOneChecks(f: SubmissionFacts): { passed: boolean; failures: CheckFailure[] } {
  const failures = [...checkCompleteness(f), ...checkNoPriorAssistance(f), ...checkOneSettlement(f)];
  return { passed: failures.length === 0, failures };
}

/**
 * A member in a reason: the last 4 IIN digits for anyone who reads it, and the member's place in the
 * application's list (0 = the applicant), so the applicant's own page can name them even when two
 * members share the last digits.
 */
function memberParams(iin: string, f: SubmissionFacts) {
  return { member: maskMember(iin, f.applicantIin), memberAt: f.members.findIndex((m) => m.iin === iin) };
}

/** Members are named in reasons only by the last 4 digits of their IIN (the applicant as such). */
function maskMember(iin: string, applicantIin: string) {
  return iin === applicantIin ? "applicant" : `•••${iin.slice(-4)}`;
}
