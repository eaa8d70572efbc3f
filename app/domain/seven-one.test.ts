import { describe, expect, it } from "vitest";
import { runSevenOneChecks, commonSettlement, type SubmissionFacts } from "./seven-one";

const A = "900512440017";
const B = "150101500011";
const C = "170303600012";
const KIEVKA = "355230100";
const NURA_OTHER = "355237100";

function facts(overrides: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return {
    applicantIin: A,
    members: [
      { iin: A, relation: "applicant", found: true },
      { iin: B, relation: "child", found: true },
    ],
    incomesConfirmed: true,
    payment: { iban: "KZ496010000000012345", verified: true },
    documentsConsent: true,
    registryPrior: [],
    komekActive: [],
    registrations: [
      { iin: A, settlementKato: KIEVKA },
      { iin: B, settlementKato: KIEVKA },
    ],
    ...overrides,
  };
}

describe("clause 7-1 checks", () => {
  it("a complete family in one settlement without ASP passes all three checks", () => {
    expect(runSevenOneChecks(facts())).toEqual({ passed: true, failures: [] });
  });

  it.each([
    ["the applicant is not among the members", { members: [{ iin: B, relation: "child", found: true }] }, "applicantMissing"],
    ["a member is not in the registry", { members: [{ iin: A, relation: "applicant", found: true }, { iin: C, relation: "child", found: false }] }, "memberNotFound"],
    ["incomes were not confirmed", { incomesConfirmed: false }, "incomesNotConfirmed"],
    ["no payment account", { payment: { iban: null, verified: false } }, "paymentMissing"],
    ["an account not confirmed as the applicant's", { payment: { iban: "KZ496010000000012345", verified: false } }, "paymentMissing"],
    ["no consent to digital documents", { documentsConsent: false }, "consentMissing"],
  ] as const)("check 1 fails when %s", (_name, override, reason) => {
    const result = runSevenOneChecks(facts(override as Partial<SubmissionFacts>));
    expect(result.passed).toBe(false);
    expect(result.failures).toContainEqual(expect.objectContaining({ check: "completeness", reason }));
  });

  it.each([
    ["an ASP assignment in the registry", { registryPrior: [{ iin: B, kind: "assignment" as const }] }, "registry_assignment"],
    ["an ASP payment in the registry", { registryPrior: [{ iin: A, kind: "payment" as const }] }, "registry_payment"],
    ["a pending application in the registry", { registryPrior: [{ iin: B, kind: "application" as const }] }, "registry_application"],
    ["a live application in Komek", { komekActive: [{ iin: B, registrationNumber: "ASP26-000001" }] }, "komek_pending"],
  ])("check 2 fails when a member has %s", (_name, override, reason) => {
    const result = runSevenOneChecks(facts(override));
    expect(result.failures).toEqual([expect.objectContaining({ check: "no_prior_assistance", reason })]);
  });

  it("check 2 names the member only by the last digits of the IIN", () => {
    const result = runSevenOneChecks(facts({ registryPrior: [{ iin: B, kind: "assignment" }] }));
    expect(result.failures[0].params).toMatchObject({ member: "•••0011" });
  });

  it("check 2 ignores ASP of people outside the family", () => {
    expect(runSevenOneChecks(facts({ registryPrior: [{ iin: C, kind: "assignment" }] })).passed).toBe(true);
  });

  it("check 3 fails when members live in different settlements", () => {
    const result = runSevenOneChecks(facts({ registrations: [{ iin: A, settlementKato: KIEVKA }, { iin: B, settlementKato: NURA_OTHER }] }));
    expect(result.failures).toEqual([{ check: "one_settlement", reason: "differentSettlements" }]);
  });

  it("check 3 passes when a temporary registration brings a member into the family's settlement", () => {
    const f = facts({
      registrations: [
        { iin: A, settlementKato: KIEVKA },
        { iin: B, settlementKato: NURA_OTHER },
        { iin: B, settlementKato: KIEVKA },
      ],
    });
    expect(runSevenOneChecks(f).passed).toBe(true);
    expect(commonSettlement(f)).toBe(KIEVKA);
  });

  it("check 3 fails for a member with no registration at all", () => {
    const result = runSevenOneChecks(facts({ registrations: [{ iin: A, settlementKato: KIEVKA }] }));
    expect(result.failures).toMatchObject([{ check: "one_settlement", reason: "notRegistered", params: { member: "•••0011" } }]);
  });

  it("reports every failed check at once", () => {
    const result = runSevenOneChecks(
      facts({ documentsConsent: false, registryPrior: [{ iin: A, kind: "payment" }], registrations: [{ iin: A, settlementKato: KIEVKA }, { iin: B, settlementKato: NURA_OTHER }] }),
    );
    expect(result.failures.map((f) => f.check)).toEqual(["completeness", "no_prior_assistance", "one_settlement"]);
  });
});
