import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs `node cli/komek.mjs …` as a user would and collects what it printed and its exit code. */
function komek(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["cli/komek.mjs", ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("komek iin", () => {
  it.each([
    ["a valid man's IIN", "900101300017", { valid: true, birthDate: "1990-01-01", sex: "M" }],
    ["a valid woman's IIN", "000229600014", { valid: true, birthDate: "2000-02-29", sex: "F" }],
    ["a wrong check digit", "900101300018", { valid: false, reason: "checksum" }],
    ["29 February of a non-leap year", "900229300010", { valid: false, reason: "date" }],
    ["century digit 7", "900101700012", { valid: false, reason: "century" }],
    ["letters", "90010130001X", { valid: false, reason: "format" }],
  ])("prints one JSON line for %s and exits 0", async (_name, iin, expected) => {
    const { code, stdout, stderr } = await komek("iin", iin);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toBe(`${JSON.stringify(expected)}\n`);
  });

  it("prints the usage on stderr and exits 2 without an IIN", async () => {
    const { code, stdout, stderr } = await komek("iin");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/usage: komek iin <IIN>/);
  });
});

describe("komek workdays", () => {
  it.each([
    ["Tuesday 2024-12-31 + 1 is the worked Sunday 2025-01-05", ["2024-12-31", "1"], "2025-01-05"],
    ["Friday 2026-03-20 + 1 is Thursday 2026-03-26 after Nauryz", ["2026-03-20", "1"], "2026-03-26"],
    ["Monday 2026-03-02 + 15 is Friday 2026-03-27", ["2026-03-02", "15"], "2026-03-27"],
    ["Wednesday 2025-01-01 + 0 is itself", ["2025-01-01", "0"], "2025-01-01"],
  ])("add: %s", async (_name, args, expected) => {
    const { code, stdout, stderr } = await komek("workdays", "add", ...args);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${expected}\n`, stderr: "" });
  });

  it.each([
    ["Saturday 2024-05-04 (worked by transfer)", "2024-05-04", "working"],
    ["Wednesday 2024-05-08 (day off by transfer)", "2024-05-08", "non-working"],
    ["Monday 2026-03-23 (Nauryz)", "2026-03-23", "non-working"],
    ["Sunday 2026-11-22", "2026-11-22", "non-working"],
    ["Monday 2026-11-23", "2026-11-23", "working"],
  ])("is: %s", async (_name, date, expected) => {
    const { code, stdout, stderr } = await komek("workdays", "is", date);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${expected}\n`, stderr: "" });
  });

  it.each([
    ["an impossible date", ["add", "2025-02-29", "1"]],
    ["a date in another format", ["is", "23.03.2026"]],
    ["a negative number of days", ["add", "2026-03-02", "-1"]],
    ["a fractional number of days", ["add", "2026-03-02", "1.5"]],
    ["a missing number of days", ["add", "2026-03-02"]],
    ["a missing date", ["is"]],
    ["an unknown subcommand", ["between", "2026-03-02", "2026-03-03"]],
    ["no subcommand", []],
    ["an extra argument", ["is", "2026-03-02", "x"]],
  ])("refuses %s on stderr with exit 2", async (_name, args) => {
    const { code, stdout, stderr } = await komek("workdays", ...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/usage: komek workdays add <YYYY-MM-DD> <n>/);
  });

  it.each([
    ["Monday 31 March 2025 23:00 is accepted on Tuesday 1 April", ["2025-03-31T23:00:00+05:00"], { applicationDay: "2025-04-01", dueDate: "2025-04-22" }],
    ["the same instant in UTC", ["2025-03-31T18:00:00Z"], { applicationDay: "2025-04-01", dueDate: "2025-04-22" }],
    ["Monday 31 March 2025 noon is that day", ["2025-03-31T12:00:00+05:00"], { applicationDay: "2025-03-31", dueDate: "2025-04-21" }],
    ["Saturday 5 April 2025 is accepted on Monday 7 April", ["2025-04-05T10:00:00+05:00"], { applicationDay: "2025-04-07", dueDate: "2025-04-28" }],
    ["Nauryz (Friday 21 March 2025) waits for Wednesday 26 March", ["2025-03-21T12:00:00+05:00"], { applicationDay: "2025-03-26", dueDate: "2025-04-16" }],
    ["through an akim: 18 working days", ["2025-03-31T23:00:00+05:00", "--channel", "akim"], { applicationDay: "2025-04-01", dueDate: "2025-04-25" }],
    ["proactive, --channel=proactive", ["--channel=proactive", "2025-04-05T10:00:00+05:00"], { applicationDay: "2025-04-07", dueDate: "2025-04-28" }],
    ["the ASP definition named, its akim deadline", ["2025-03-31T23:00:00+05:00", "--service", "asp", "--channel", "akim"], { applicationDay: "2025-04-01", dueDate: "2025-04-25" }],
  ])("application-day: %s", async (_name, args, expected) => {
    const { code, stdout, stderr } = await komek("workdays", "application-day", ...args);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(`${JSON.stringify(expected)}\n`);
  });

  it.each([
    ["an instant without an offset", ["2025-03-31T23:00:00"]],
    ["a bare date", ["2025-03-31"]],
    ["an impossible instant", ["2025-02-30T10:00:00+05:00"]],
    ["an unknown channel", ["2025-03-31T23:00:00+05:00", "--channel", "mail"]],
    ["a missing channel", ["2025-03-31T23:00:00+05:00", "--channel"]],
    ["a missing instant", []],
    ["an unknown service", ["2025-03-31T23:00:00+05:00", "--service", "nope"]],
  ])("application-day refuses %s on stderr with exit 2", async (_name, args) => {
    const { code, stdout, stderr } = await komek("workdays", "application-day", ...args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/komek workdays application-day/);
  });

  it("exits 1 when the answer lies beyond the years the calendar covers", async () => {
    const { code, stdout, stderr } = await komek("workdays", "add", "2027-12-30", "2");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/covers 2024–2027/);
  });
});

describe("komek --help", () => {
  it("lists the commands, iin and workdays among them, and exits 0", async () => {
    const { code, stdout, stderr } = await komek("--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^ {2}iin +validate an IIN/m);
    expect(stdout).toMatch(/^ {2}workdays +working-day arithmetic/m);
    expect(stdout).toContain("usage: komek workdays add <YYYY-MM-DD> <n>");
  });

  it("rejects an unknown command with exit 2", async () => {
    const { code, stderr } = await komek("no-such-command");
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown command: no-such-command/);
  });
});
