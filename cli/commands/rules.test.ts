import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs `node cli/komek.mjs rules …` as an operator would. */
async function komekRules(args: string[]) {
  try {
    const { stdout, stderr } = await run("node", ["cli/komek.mjs", "rules", ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("komek rules show", () => {
  it("prints ASP's definition in force as one JSON line: names, channels with deadlines and day kind, checks, grounds", async () => {
    const { code, stdout } = await komekRules(["show", "asp", "--json", "--on", "2026-11-23"]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const rules = JSON.parse(stdout);
    expect(rules.service).toMatchObject({ key: "asp", numberPrefix: "ASP", names: { ru: expect.stringContaining("адресной"), kk: expect.any(String) } });
    expect(rules.on).toBe("2026-11-23");
    expect(rules.channels.map((c: { channel: string; deadline: unknown }) => [c.channel, c.deadline])).toEqual([
      ["portal", { days: 15, dayKind: "working" }],
      ["proactive", { days: 15, dayKind: "working" }],
      ["centre", { days: 15, dayKind: "working" }],
      ["akim", { days: 18, dayKind: "working" }],
    ]);
    expect(rules.checks.map((c: { code: string }) => c.code)).toEqual(["completeness", "no_prior_assistance", "one_settlement"]);
    expect(rules.refusalGrounds).toHaveLength(5);
    expect(rules.refusalGrounds[0]).toMatchObject({ code: "not_low_income", item: 1, text: { ru: expect.any(String), kk: expect.any(String) } });
    expect(rules.terminationGrounds).toEqual([]);
    expect(rules.signers).toEqual(["head"]);
  }, 30_000);

  it("an unknown service or a malformed day: exit 2 and a message; a day before the rules: exit 1", async () => {
    const unknown = await komekRules(["show", "nope", "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown service "nope"');
    const malformed = await komekRules(["show", "asp", "--on", "23.11.2026"]);
    expect(malformed.code).toBe(2);
    const before = await komekRules(["show", "asp", "--on", "2020-01-01", "--json"]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("not in force on 2020-01-01");
  }, 30_000);
});

describe("komek rules show local / rules validate", () => {
  it("prints Nura's act in force on 2025-10-01: act, 9 occasions, every category, clause 12 and 14 grounds; 8/20 working days", async () => {
    const { code, stdout } = await komekRules(["show", "local", "--kato", "355200000", "--on", "2025-10-01", "--json"]);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout);
    expect(Object.keys(rules).slice(0, 5)).toEqual(["act", "occasions", "categories", "refusalGrounds", "terminationGrounds"]);
    expect(rules.act).toMatchObject({ kato: "355200000", decision: { number: "159", date: "2025-04-29" }, repealedBy: { number: "236" } });
    expect(rules.occasions).toHaveLength(9);
    expect(rules.categories).toHaveLength(38);
    expect(rules.categories.find((c: { code: string }) => c.code === "8.3.2")).toMatchObject({
      amount: { unit: "MRP", value: 10, upTo: false },
      incomeThreshold: { unit: "PM", value: 1 },
      requiredDocuments: [{ code: "discharge_summary" }],
    });
    expect(rules.refusalGrounds.map((g: { item: number }) => g.item)).toEqual([1, 2, 3, 4]);
    expect(rules.terminationGrounds.map((g: { effectiveFrom: string }) => g.effectiveFrom)).toEqual(["next_month", "next_month", "next_month", "event_date", "event_date"]);
    expect(rules.channels.map((c: { channel: string; deadline: { days: number }; extended: { days: number } }) => [c.channel, c.deadline.days, c.extended.days])).toEqual([
      ["centre", 8, 20],
      ["akim", 8, 20],
      ["portal", 8, 20],
    ]);
    expect(rules.signers).toEqual(["head", "specialist"]);
  }, 30_000);

  it("on a day after the repeal it says plainly that no act is loaded, and exits 1", async () => {
    const after = await komekRules(["show", "local", "--kato", "355200000", "--on", "2026-12-03", "--json"]);
    expect(after.code).toBe(1);
    expect(after.stdout).toBe("");
    expect(after.stderr).toContain("no act of district 355200000 is loaded for 2026-12-03");
    const noKato = await komekRules(["show", "local", "--on", "2025-10-01"]);
    expect(noKato.code).toBe(1);
    expect(noKato.stderr).toContain("--kato");
  }, 30_000);

  it("validate: the Nura file is valid (exit 0); a malformed file prints every problem with its path (exit 1)", async () => {
    const ok = await komekRules(["validate", "app/services/local/acts/355200000-159-2025-04-29.json"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("valid — district 355200000, decision № 159");
    const bad = await komekRules(["validate", "tests/fixtures/acts-bad/bad.json"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("act.kato: KATO is nine digits");
    expect(bad.stdout).toContain("categories[20].eligibility.fact:");
    expect(bad.stdout).toContain("categories[30].amount.of: a PERCENT amount needs `of`");
    const missing = await komekRules(["validate"]);
    expect(missing.code).toBe(2);
  }, 30_000);
});
