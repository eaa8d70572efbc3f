/**
 * Issue 16: the SMS language is the one the person chose when applying — on the portal, the page's
 * language at submission — stored on the application, not only the registry's preference.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { submitApplication } from "../../app/application/submit.server";
import { generateKeys } from "../../app/signature/pki";
import { installBenchPki } from "../../bench/workloads/submit";
import { insertRegistryPeople, openAccounts, signedSubmissions } from "../../bench/fixtures";
import { testIins } from "../support/people";

/** Monday 23 November 2026, 11:00 in Astana. */
const NOW = new Date("2026-11-23T06:00:00Z");

describe("the language chosen on the portal", () => {
  let fresh: FreshDb;
  let dataDir: string;
  let ca: Awaited<ReturnType<typeof installBenchPki>>;
  let keys: CryptoKeyPair;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_language" });
    setDb(fresh);
    await seedReferenceData(fresh.db);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-smslang-"));
    ca = await installBenchPki(dataDir);
    keys = await generateKeys("RSA");
  });
  afterAll(async () => {
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is stored on the application at submission; without one the registry's preference still applies later", async () => {
    const [kk, none] = testIins(2, 8400, "1983-05-05");
    await insertRegistryPeople(fresh.db, [kk, none]);
    const ibans = await openAccounts(fresh.db, [kk, none]);
    const [a, b] = await signedSubmissions(fresh.db, ca, keys, [{ applicant: kk, members: [], iban: ibans.get(kk)! }, { applicant: none, members: [], iban: ibans.get(none)! }], NOW);
    expect((await submitApplication({ ...a!, now: NOW, language: "kk" })).kind).toBe("registered");
    expect((await submitApplication({ ...b!, now: NOW })).kind).toBe("registered");
    const rows = await fresh.query<{ applicant_iin: string; sms_language: string | null }>(
      "select applicant_iin, sms_language from applications where applicant_iin in ($1, $2) order by applicant_iin",
      [kk, none].sort(),
    );
    expect(Object.fromEntries(rows.map((r) => [r.applicant_iin, r.sms_language]))).toEqual({ [kk]: "kk", [none]: null });
  });
});
