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
