import { describe, expect, it } from "vitest";
import { compareFamily, familyFromHousehold, hasFamilyFlags, householdRelation, type HouseholdPerson } from "./family";

const A = "850101300001";
const household: HouseholdPerson[] = [
  { iin: A, householdRole: "head", deathDate: null },
  { iin: "870202400002", householdRole: "spouse", deathDate: null },
  { iin: "100303500003", householdRole: "child", deathDate: null },
  { iin: "550404300004", householdRole: "parent", deathDate: null },
  { iin: "500505300005", householdRole: "parent", deathDate: "2024-01-01" },
];

describe("compareFamily: the declared family against the registry household", () => {
  it("no flags when the family is the household (the dead excluded)", () => {
    const declared = [
      { iin: A, relation: "applicant" },
      { iin: "870202400002", relation: "spouse" },
      { iin: "100303500003", relation: "child" },
      { iin: "550404300004", relation: "parent" },
    ];
    const flags = compareFamily(A, declared, household);
    expect(flags).toEqual({ added: [], leftOut: [] });
    expect(hasFamilyFlags(flags)).toBe(false);
  });

  it("flags who was added and who was left out, with the registry's role", () => {
    const declared = [
      { iin: "870202400002", relation: "spouse" },
      { iin: "990909300009", relation: "sibling" },
    ];
    const flags = compareFamily(A, declared, household);
    expect(flags).toEqual({
      added: [{ iin: "990909300009", declaredRelation: "sibling" }],
      leftOut: [
        { iin: "100303500003", registryRole: "child" },
        { iin: "550404300004", registryRole: "parent" },
      ],
    });
    expect(hasFamilyFlags(flags)).toBe(true);
  });

  it("an applicant with no registry household: every other member is added", () => {
    expect(compareFamily(A, [{ iin: "990909300009", relation: "child" }], [])).toEqual({ added: [{ iin: "990909300009", declaredRelation: "child" }], leftOut: [] });
  });
});

describe("householdRelation: a registry role becomes a relation in one place", () => {
  it.each([
    ["spouse", "spouse"],
    ["child", "child"],
    ["parent", "parent"],
    ["head", "other"],
    ["other", "other"],
    [null, "other"],
  ] as const)("%s → %s", (role, relation) => {
    expect(householdRelation(role)).toBe(relation);
  });
});

describe("familyFromHousehold: the household as the declared family, where no one declares one", () => {
  it("puts the applicant first and maps every living member's role once", () => {
    // The household above: the spouse applies, the parent who died in 2024 is not family.
    expect(familyFromHousehold("870202400002", household)).toEqual([
      { iin: "870202400002", relation: "applicant" },
      { iin: A, relation: "other" },
      { iin: "100303500003", relation: "child" },
      { iin: "550404300004", relation: "parent" },
    ]);
  });
});
