import { describe, expect, it } from "vitest";
import { terminationGroundsFor } from "./grounds";
import { localDefinition } from "../services/local/definition";

const all = ["death", "moved_out", "institution", "false_information", "lost_grounds"];
const nuraAct = [{ item: 1 }, { item: 2 }, { item: 3, notForCategories: ["8.1", "8.2"] }, { item: 4 }, { item: 5 }];

describe("the grounds a case's payments may be stopped on", () => {
  it.each([
    ["ASP lists no grounds of its own: the five of clause 14", [], [], null, all],
    ["local assistance: its definition's five, by item", localDefinition.terminationGrounds, [], null, all],
    ["a local case of 8.3.4 under Nura's act: all five", localDefinition.terminationGrounds, nuraAct, "8.3.4", all],
    ["a local case of 8.2 under Nura's act: not placement in an institution", localDefinition.terminationGrounds, nuraAct, "8.2", ["death", "moved_out", "false_information", "lost_grounds"]],
    ["a definition with grounds 1 and 4 only", [{ item: 4, effectiveFrom: "event_date" as const }, { item: 1, effectiveFrom: "next_month" as const }], [], null, ["death", "false_information"]],
  ])("%s", (_what, defined, act, category, expected) => {
    expect(terminationGroundsFor(defined, act, category)).toEqual(expected);
  });

  it("refuses a definition whose effect contradicts clause 14", () => {
    expect(() => terminationGroundsFor([{ item: 1, effectiveFrom: "event_date" }])).toThrow(/clause 14/);
    expect(() => terminationGroundsFor([{ item: 6 }])).toThrow(/clause 14/);
  });
});
