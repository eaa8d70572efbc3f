/**
 * `npx komek payments …` as an operator runs it, on a fresh PostgreSQL database (skipped on PGlite,
 * which a child process cannot share): summaries, one JSON object with --json, refusals that change
 * nothing.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { createDemoAssignments } from "../../app/payments/demo.server";
import { testIins } from "../support/people";

const root = path.resolve(import.meta.dirname, "../..");

describe.skipIf(!process.env.DATABASE_URL)("komek payments", () => {
  let fresh: FreshDb;
  let out: string;
  const komek = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["cli/komek.mjs", "payments", ...args], { cwd: root, timeout: 60_000, env: { ...process.env, DATABASE_URL: fresh.url } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
    await seedAccounts(fresh.db);
    out = fs.mkdtempSync(path.join(os.tmpdir(), "komek-pay-cli-"));
    const iins = testIins(2, 8700, "1975-05-01");
    await createDemoAssignments(fresh.db, iins.map((iin, i) => ({
      iin, lastName: `Клиент${i}`, firstName: "Тест", language: "ru" as const, phone: null, bankCode: i ? "601" : "563", account: `C${String(i).padStart(12, "0")}`,
      katoCode: "355230100", amountTiyn: 3_000_055, periodFrom: "2026-12", periodTo: "2027-02", applicationDate: "2026-11-16",
    })), new Date("2026-11-20T05:00:00Z"));
  });
  afterAll(async () => {
    await fresh?.drop();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("refuses a bad date in Russian, exits 1 and changes nothing; without a subcommand prints the usage", async () => {
    const bad = await komek("run", "--date", "2026-13-01");
    expect(bad).toMatchObject({ code: 1, stdout: "" });
    expect(bad.stderr).toContain("Дата «2026-13-01» должна быть в виде ГГГГ-ММ-ДД.");
    expect((await fresh.query(`select count(*)::int as n from payment_lines`))[0]).toEqual({ n: 0 });
    const usage = await komek();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("komek payments run --date YYYY-MM-DD [--json]");
  });

  it("runs the day's work with a summary or one JSON object, writes the files, refuses an unknown return", async () => {
    const text = await komek("run", "--date", "2026-11-20");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("new accounts / lines      2 / 6");
    const demand = await komek("run", "--date", "2026-11-27", "--json");
    expect(demand.code).toBe(0);
    const summary = JSON.parse(demand.stdout);
    expect(demand.stdout.trim().split("\n")).toHaveLength(1);
    expect(summary.demands).toEqual({ demands: 1, lines: 2, totalTiyn: 6_000_110, months: ["2026-12"] });
    expect((await komek("transfer", "--date", "2026-12-01", "--json")).code).toBe(0);
    expect(JSON.parse((await komek("run", "--date", "2026-12-01", "--json")).stdout).orders).toEqual({ orders: 2, items: 2, totalTiyn: 6_000_110 });
    const files = JSON.parse((await komek("orders", "--date", "2026-12-01", "--out", out, "--json")).stdout).files as { file: string; channel: string }[];
    expect(files.map((f) => f.channel).sort()).toEqual(["bank", "kazpost"]);
    for (const f of files) expect(fs.existsSync(f.file)).toBe(true);

    const file = path.join(out, "returns.xml");
    fs.writeFileSync(file, `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>R1</MsgId><CreDtTm>2026-12-03T10:00:00</CreDtTm></GrpHdr>
<OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>ASP-L999-A1</OrgnlEndToEndId><TxSts>RJCT</TxSts></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`);
    const refused = await komek("import-returns", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("В файле платежи, которых Komek не отправлял: ASP-L999-A1. Файл не принят.");
    expect((await fresh.query(`select count(*)::int as n from payment_lines where status = 'returned'`))[0]).toEqual({ n: 0 });
  });
});
