import { describe, expect, it } from "vitest";
import { changeMembers, stepDone } from "./application-draft";

describe("changeMembers", () => {
  const confirmed = {
    members: [{ iin: "950101301008", relation: "spouse" as const }],
    membersConfirmed: true,
    incomesConfirmed: true,
  };

  it("asks for the incomes to be confirmed again when a member is removed", () => {
    const next = changeMembers(confirmed, []);
    expect(next.incomesConfirmed).toBe(false);
    expect(stepDone("incomes", next)).toBe(false);
    expect(stepDone("members", next)).toBe(false);
  });

  it("and when a member is added", () => {
    const next = changeMembers(confirmed, [...confirmed.members, { iin: "150101500009", relation: "child" }]);
    expect(next).toMatchObject({ membersConfirmed: false, incomesConfirmed: false });
    expect(next.members).toHaveLength(2);
  });
});
