import { describe, expect, it } from "vitest";
import { groupAccess, type AccessEntry } from "./access-groups";

const at = (minute: number) => new Date(Date.UTC(2026, 4, 12, 7, minute)).toISOString();
const read = (id: number, minute: number, over: Partial<AccessEntry> = {}): AccessEntry => ({
  id, at: at(minute), role: "specialist", purpose: "case_processing", reference: "ASP26-000001", ...over,
});

describe("groupAccess", () => {
  it("folds twenty reads of one case within two minutes into one row", () => {
    const entries = Array.from({ length: 20 }, (_, i) => read(i + 1, i % 3));
    const groups = groupAccess(entries);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 20, first: at(0), last: at(2), role: "specialist" });
  });

  it("keeps apart different roles, purposes and references", () => {
    const groups = groupAccess([
      read(1, 0),
      read(2, 1, { role: "callcenter", purpose: "callcenter_lookup", reference: "CALL-1" }),
      read(3, 2, { reference: "ASP26-000002" }),
      read(4, 3),
    ]);
    expect(groups.map((g) => [g.reference, g.role, g.count])).toEqual([
      ["ASP26-000001", "specialist", 2],
      ["ASP26-000002", "specialist", 1],
      ["CALL-1", "callcenter", 1],
    ]);
  });

  it("does not split a burst when another read falls in between", () => {
    const groups = groupAccess([read(1, 0), read(2, 1, { role: "callcenter", reference: "CALL-9" }), read(3, 2)]);
    expect(groups.map((g) => [g.reference, g.count])).toEqual([
      ["ASP26-000001", 2],
      ["CALL-9", 1],
    ]);
  });

  it("starts a new row after a pause longer than the gap", () => {
    const groups = groupAccess([read(1, 0), read(2, 10), read(3, 50), read(4, 55)]);
    expect(groups.map((g) => [g.first, g.last, g.count])).toEqual([
      [at(50), at(55), 2],
      [at(0), at(10), 2],
    ]);
  });

  it("shows nothing for nothing", () => {
    expect(groupAccess([])).toEqual([]);
  });
});
