import { describe, expect, it } from "vitest";
import { nameMaskedMembers } from "./seven-one-names";

describe("nameMaskedMembers", () => {
  const names = new Map([
    ["950101301008", "Ахметов Ерлан"],
    ["900512440017", "Нұрланова Айгерім"],
  ]);

  it("names the member a reason masks, for the applicant's own page", () => {
    const out = nameMaskedMembers([{ check: "no_existing_asp", reason: "registry_assignment", params: { member: "•••1008" } }], names);
    expect(out[0].params?.member).toBe("Ахметов Ерлан, ИИН •••1008");
  });

  it("uses the Kazakh abbreviation in Kazakh", () => {
    const out = nameMaskedMembers([{ check: "no_existing_asp", reason: "registry_assignment", params: { member: "•••1008" } }], names, "ЖСН");
    expect(out[0].params?.member).toBe("Ахметов Ерлан, ЖСН •••1008");
  });

  it("leaves reasons without a masked member, or with an unknown one, as they are", () => {
    const failures = [
      { check: "completeness" as const, reason: "incomesNotConfirmed" },
      { check: "no_existing_asp" as const, reason: "registry_payment", params: { member: "•••9999" } },
      { check: "no_existing_asp" as const, reason: "registry_payment", params: { member: "applicant" } },
    ];
    expect(nameMaskedMembers(failures, names)).toEqual(failures);
  });
});
