import { describe, expect, it } from "vitest";
import { nameMaskedMembers } from "./seven-one-names";
import type { CheckFailure } from "./seven-one";

describe("nameMaskedMembers", () => {
  // Two members share the last four digits, as in Асхат's family.
  const members = [
    { iin: "780120340012", name: "Қайратов Асхат" },
    { iin: "810402441008", name: "Қайратова Жанар" },
    { iin: "131212641008", name: "Қайратова Аяулым" },
  ];

  it("names the member a reason points at, even when two share the last digits", () => {
    const out = nameMaskedMembers([{ check: "no_prior_assistance", reason: "registry_assignment", params: { member: "•••1008", memberAt: 1 } }], members);
    expect(out[0].params?.member).toBe("Қайратова Жанар, ИИН •••1008");
  });

  it("uses the Kazakh abbreviation in Kazakh", () => {
    const out = nameMaskedMembers([{ check: "no_prior_assistance", reason: "registry_assignment", params: { member: "•••1008", memberAt: 2 } }], members, "ЖСН");
    expect(out[0].params?.member).toBe("Қайратова Аяулым, ЖСН •••1008");
  });

  it("matches an older reason without a place by its digits when they are unique", () => {
    const out = nameMaskedMembers([{ check: "one_settlement", reason: "notRegistered", params: { member: "•••0012" } }], members);
    expect(out[0].params?.member).toBe("Қайратов Асхат, ИИН •••0012");
  });

  it("leaves reasons without a masked member, with ambiguous digits, or an unknown member as they are", () => {
    const failures: CheckFailure[] = [
      { check: "completeness", reason: "incomesNotConfirmed" },
      { check: "no_prior_assistance", reason: "registry_payment", params: { member: "•••1008" } },
      { check: "no_prior_assistance", reason: "registry_payment", params: { member: "•••9999", memberAt: 1 } },
      { check: "no_prior_assistance", reason: "registry_payment", params: { member: "applicant" } },
    ];
    expect(nameMaskedMembers(failures, members)).toEqual(failures);
  });
});
