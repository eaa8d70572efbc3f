import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { createDb, setDb, withRole } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { runtimeRoleProblems, runtimeRoleSetup, setupRoles } from "../../db/roles";
import { pendingMigrations } from "../../db/owner";
import { queueSms } from "../../db/queries/sms";
import { submitApplication } from "../../app/application/submit.server";
import { generateKeys } from "../../app/signature/pki";
import { installBenchPki } from "../../bench/workloads/submit";
import { insertRegistryPeople, openAccounts, signedSubmissions } from "../../bench/fixtures";
import { startSmsWorker } from "../../sms/worker.server";
import { testIins } from "../support/people";
import { main } from "../../cli/main";

const NOW = new Date("2026-11-23T06:00:00Z");

/** The error PostgreSQL answers a statement with, or null when it succeeded. */
async function refusal(handle: Pick<FreshDb, "query">, statement: string): Promise<string | null> {
  try {
    await handle.query(statement);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

// Roles belong to a real server: PGlite has one role.
describe.skipIf(!process.env.DATABASE_URL)("the portal as the runtime role (PostgreSQL)", () => {
  let fresh: FreshDb;
  let dataDir: string;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_roles", roles: true });
    setDb(fresh);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "komek-roles-"));
  });
  afterAll(async () => {
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    // drop() removed the two roles with the database.
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const left = await admin`select rolname from pg_roles where rolname = any(${[fresh.roles!.owner, fresh.roles!.runtime]})`;
    await admin.end();
    expect(left).toEqual([]);
  });

  it("is connected as a plain role that owns nothing, with every migration applied by the owner", async () => {
    const [me] = await fresh.query<{ me: string; superuser: boolean }>(`select current_user as me, rolsuper as superuser from pg_roles where rolname = current_user`);
    expect(me).toEqual({ me: fresh.roles!.runtime, superuser: false });
    expect(await runtimeRoleProblems(fresh.query)).toEqual([]);
    expect(await pendingMigrations(fresh)).toEqual([]);
    // The owner (and a superuser) would be refused by a production start.
    const owner = await createDb({ url: fresh.ownerUrl!, max: 1 });
    const superuser = await createDb({ url: withRole(fresh.url!, "postgres"), max: 1 });
    try {
      const ownerProblems = await runtimeRoleProblems(owner.query);
      expect(ownerProblems.join("\n")).toMatch(/^DATABASE_URL: role \S+_own owns the database/);
      expect(await runtimeRoleProblems(superuser.query)).toEqual([expect.stringMatching(/^DATABASE_URL: role postgres is a superuser/)]);
    } finally {
      await owner.close();
      await superuser.close();
    }
  });

  it("submits an application, queues and sends SMS through pg-boss, as the runtime role", async () => {
    await seedReferenceData(fresh.db);
    const ca = await installBenchPki(dataDir);
    const keys = await generateKeys("RSA");
    const [applicant, member] = testIins(2, 9100, "1980-01-01");
    await insertRegistryPeople(fresh.db, [applicant, member]);
    const ibans = await openAccounts(fresh.db, [applicant]);
    const [submission] = await signedSubmissions(fresh.db, ca, keys, [{ applicant, members: [member], iban: ibans.get(applicant)! }], NOW);
    const outcome = await submitApplication({ ...submission, now: NOW });
    expect(outcome.kind).toBe("registered");
    const [journal] = await fresh.query<{ n: number }>(`select count(*)::int as n from registration_journal`);
    expect(journal.n).toBe(1);

    const id = await queueSms(fresh.db, { to: "+77017770001", body: "проверка", purpose: "notice", language: "ru" });
    const sent: string[] = [];
    const worker = await startSmsWorker(fresh, {
      connectionString: fresh.url,
      transport: { name: "local", send: async (m) => (sent.push(m.body), { sid: `SMtest${sent.length}`, status: "sent" }) },
      ratePerSecond: 100,
      statusCallbackUrl: null,
      sweepIntervalMs: 100,
      pollingIntervalSeconds: 0.5,
    });
    try {
      for (let i = 0; i < 100 && !sent.includes("проверка"); i++) await new Promise((r) => setTimeout(r, 100));
      expect(sent).toContain("проверка");
      for (let i = 0; i < 50; i++) {
        const [row] = await fresh.query<{ status: string }>(`select status::text from sms_messages where id = $1`, [id]);
        if (row.status === "sent") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [row] = await fresh.query<{ status: string }>(`select status::text from sms_messages where id = $1`, [id]);
      expect(row.status).toBe("sent");
      // The deadline reminders queue works too (created by the owner, used by the runtime role), and
      // the purge job may delete what it purges.
      expect(await worker.tick()).toBeGreaterThanOrEqual(0);
      expect(await worker.purge()).toEqual({ challenges: 0, attempts: 0, sessions: 0, codes: 0, limits: 0 });
    } finally {
      await worker.stop();
    }
  });

  it.each([
    ["DELETE FROM data_access_log", "42501"],
    ["UPDATE registration_journal SET registered_by = 'nobody'", "42501"],
    ["DELETE FROM registration_journal", "42501"],
    ["UPDATE application_events SET note = 'changed'", "42501"],
    ["DELETE FROM case_transitions", "42501"],
    ["DELETE FROM sms_messages", "42501"],
    ["UPDATE sms_messages SET body = 'changed'", "42501"],
    ["TRUNCATE applications CASCADE", "42501"],
    ["TRUNCATE data_access_log", "42501"],
    ["ALTER TABLE data_access_log DISABLE TRIGGER ALL", "42501"],
    ["ALTER TABLE notices DISABLE TRIGGER notices_signed_frozen", "42501"],
    ["SET session_replication_role = replica", "42501"],
    ["DROP TABLE notices", "42501"],
    ["CREATE TABLE public.scratch (x int)", "42501"],
    ["INSERT INTO workflow_transitions (from_status, action, to_status) VALUES ('draft', 'register', 'decision_signed')", "42501"],
    ["DROP SCHEMA pgboss CASCADE", "42501"],
  ])("refuses %s", async (statement, code) => {
    expect(await refusal(fresh, statement)).toBe(code);
  });

  it("still updates the SMS delivery state, and the owner's later tables get the runtime role's rights", async () => {
    expect(await refusal(fresh, "UPDATE sms_messages SET last_error = NULL, updated_at = now()")).toBeNull();
    const owner = await createDb({ url: fresh.ownerUrl!, max: 1 });
    try {
      await owner.query("CREATE TABLE public.later_table (x int)");
    } finally {
      await owner.close();
    }
    expect(await refusal(fresh, "INSERT INTO later_table VALUES (1)")).toBeNull();
    expect(await refusal(fresh, "TRUNCATE later_table")).toBe("42501");
  });

  it("`komek db roles` is idempotent and its --help says how", async () => {
    // Again, as the CLI would on a server that already has both roles: nothing fails, nothing changes.
    const admin = postgres(withRole(fresh.url!, "postgres"), { max: 1, onnotice: () => {} });
    try {
      for (const statement of runtimeRoleSetup({ ...fresh.roles!, database: new URL(fresh.url!).pathname.slice(1) })) await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
    await setupRoles({ url: withRole(fresh.url!, "postgres"), ...fresh.roles! });
    expect(await refusal(fresh, "DELETE FROM data_access_log")).toBe("42501");
    expect(await refusal(fresh, "SELECT count(*) FROM data_access_log")).toBeNull();

    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      expect(await main(["db", "roles", "--help"])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join("")).toMatch(/--owner[\s\S]*--runtime[\s\S]*DATABASE_OWNER_URL[\s\S]*DATABASE_URL/);
  });
});
