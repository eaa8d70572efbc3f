/**
 * What the database itself guarantees about deciding, whatever the code does: only listed status
 * changes, each one audited; the audit and evidence tables append-only; a signed notice frozen; and on
 * PostgreSQL, an application role without UPDATE/DELETE on the audit table.
 */
import { ASP_REGISTRATION } from "../support/registration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createFreshDb, withDatabase, type FreshDb } from "../../db/testing";
import { runtimeGrants } from "../../db/roles";
import { seedAccounts } from "../../db/seed/accounts";
import { registerApplication } from "../../db/queries/applications";
import { changeStatus } from "../../db/queries/deciding";
import { transitionRows } from "../../app/domain/workflow";
import { testIins } from "../support/people";

const NOW = new Date("2026-11-23T06:00:00Z");

describe("the database guards the workflow and the audit trail", () => {
  let fresh: FreshDb;
  let serial = 8100;
  async function newCase() {
    const [iin] = testIins(1, serial++);
    const r = await registerApplication(fresh.db, {
        ...ASP_REGISTRATION,
      applicantIin: iin, channel: "portal", members: [{ iin, relation: "applicant" }], katoCode: "355230100",
      applicationDate: "2026-11-23", dueDate: "2026-12-14", registeredBy: "system", now: NOW,
    });
    if (!r.ok) throw new Error("setup failed");
    return r.applicationId;
  }
  const raw = (sql: string, params: unknown[] = []) => fresh.query(sql, params);
  const refusal = async (sql: string, params: unknown[] = []) => {
    try {
      await raw(sql, params);
    } catch (error) {
      return String((error as Error).message);
    }
    return null;
  };

  beforeAll(async () => {
    fresh = await createFreshDb();
    await seedAccounts(fresh.db);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("lists exactly the transitions of the state machine, plus the portal's resubmission", async () => {
    const rows = await raw(`select from_status as "from", action, to_status as "to", service from workflow_transitions`);
    const expected = transitionRows().map(({ from, action, to, service }) => ({ from, action, to, service }));
    // A transition limited to one service (local assistance's skips, ADR 022) says which.
    const key = (r: Record<string, unknown>) => `${r.from}|${r.action}|${r.to}|${r.service ?? "*"}`;
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("audits the registration itself, by the system", async () => {
    const id = await newCase();
    const audit = await raw(`select actor_kind, actor_label, action, from_status, to_status from case_transitions where application_id = $1`, [id]);
    expect(audit).toEqual([{ actor_kind: "system", actor_label: "system", action: "register", from_status: "draft", to_status: "registered" }]);
  });

  it.each([
    ["registered", "decision_signed"],
    ["registered", "notice_delivered"],
    ["registered", "income_computed"],
    ["registered", "draft"],
  ])("refuses a direct UPDATE from %s to %s", async (from, to) => {
    const id = await newCase();
    expect(from).toBe("registered");
    const message = await refusal(`update applications set status = $2 where id = $1`, [id, to]);
    expect(message).toMatch(/illegal workflow transition/);
    const [row] = await raw(`select status from applications where id = $1`, [id]);
    expect(row.status).toBe("registered");
  });

  it("refuses a listed status change under the name of another action", async () => {
    const id = await newCase();
    const message = await fresh.db
      .transaction((tx) =>
        changeStatus(tx, { applicationId: id, action: "sign_decision", from: "registered", to: "sent_to_commission", actor: { kind: "system" }, at: NOW }),
      )
      .then(() => null, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(message).toMatch(/illegal workflow transition/);
  });

  it("admits a listed change and writes who, when, from, to and why", async () => {
    const id = await newCase();
    const [staff] = await raw(`select id from staff_accounts where login = 'nura.specialist'`);
    await fresh.db.transaction((tx) =>
      changeStatus(tx, {
        applicationId: id, action: "send_to_commission", from: "registered", to: "sent_to_commission",
        actor: { kind: "staff", staffId: Number(staff.id), login: "nura.specialist", role: "specialist" }, at: NOW, reason: "документы полные",
      }),
    );
    const audit = await raw(
      `select actor_kind, actor_staff_id::int as staff, actor_label, actor_role, action, from_status, to_status, reason, at from case_transitions where application_id = $1 order by id`,
      [id],
    );
    expect(audit[1]).toMatchObject({
      actor_kind: "staff", staff: Number(staff.id), actor_label: "nura.specialist", actor_role: "specialist",
      action: "send_to_commission", from_status: "registered", to_status: "sent_to_commission", reason: "документы полные",
    });
    expect(new Date(audit[1].at as string).toISOString()).toBe(NOW.toISOString());
  });

  it("refuses an audit row for a transition that does not start where the case stands", async () => {
    const id = await newCase();
    const message = await refusal(
      `insert into case_transitions (application_id, actor_kind, actor_label, actor_role, action, from_status, to_status) values ($1, 'system', 'x', 'system', 'request_other_agencies', 'income_computed', 'income_computed')`,
      [id],
    );
    expect(message).toMatch(/not in status/);
  });

  it.each([
    ["UPDATE", `update case_transitions set reason = 'rewritten'`],
    ["DELETE", `delete from case_transitions`],
    ["TRUNCATE", `truncate case_transitions`],
  ])("refuses to %s the audit table, even to the owner", async (_op, sql) => {
    await newCase();
    const before = await raw(`select count(*)::int as n from case_transitions`);
    // The trigger refuses it; connected as the runtime role (KOMEK_TEST_DB_ROLES=1), so does the missing privilege.
    expect(await refusal(sql)).toMatch(fresh.roles ? /append-only|permission denied/ : /append-only/);
    expect(await raw(`select count(*)::int as n from case_transitions`)).toEqual(before);
  });

  it("keeps corrections of income append-only", async () => {
    const id = await newCase();
    const [staff] = await raw(`select id from staff_accounts where login = 'nura.specialist'`);
    await raw(`insert into income_corrections (application_id, delta, reason, created_by, created_at) values ($1, 1000, 'найден доход', $2, now())`, [id, staff.id]);
    const refused = fresh.roles ? /append-only|permission denied/ : /append-only/;
    expect(await refusal(`update income_corrections set delta = 0`)).toMatch(refused);
    expect(await refusal(`delete from income_corrections`)).toMatch(refused);
    expect(await refusal(`insert into income_corrections (application_id, delta, reason, created_by, created_at) values ($1, 1000, '  ', $2, now())`, [id, staff.id])).toMatch(/income_corrections_reason/);
  });

  it("freezes a signed notice but lets an unsigned draft go", async () => {
    const id = await newCase();
    const [staff] = await raw(`select id from staff_accounts where login = 'nura.specialist'`);
    const [calc] = await raw(
      `insert into decisions (application_id, kind, grounds, drafted_by, drafted_at) values ($1, 'refusal', '["not_low_income"]', $2, now()) returning id`,
      [id, staff.id],
    );
    const insertNotice = (code: string) =>
      raw(`insert into notices (application_id, decision_id, registration_number, verification_code, created_at) values ($1, $2, 'ASP26-999999', $3, now()) returning id`, [id, calc.id, code]);
    const [draft] = await insertNotice("AAAAA22222");
    await raw(`delete from notices where id = $1`, [draft.id]);
    const [notice] = await insertNotice("BBBBB33333");
    await raw(
      `update notices set payload = '{}', signature = 'x.y.z', signer_iin = '880211340018', signed_at = now(), text_ru = 'т', text_kk = 'м' where id = $1`,
      [notice.id],
    );
    await raw(`update notices set delivered_at = now() where id = $1`, [notice.id]);
    expect(await refusal(`update notices set text_ru = 'подделка' where id = $1`, [notice.id])).toMatch(/signed notice/);
    expect(await refusal(`update notices set delivered_at = null where id = $1`, [notice.id])).toMatch(/signed notice/);
    expect(await refusal(`delete from notices where id = $1`, [notice.id])).toMatch(/signed notice/);
  });

  // Connected as the runtime role already (KOMEK_TEST_DB_ROLES=1), the test cannot create a role:
  // tests/integration/db-roles.test.ts covers that case.
  it.runIf(!!process.env.DATABASE_URL && process.env.KOMEK_TEST_DB_ROLES !== "1")("on PostgreSQL the application role may work with cases but not UPDATE or DELETE the audit", async () => {
    const role = `komek_app_${randomBytes(4).toString("hex")}`;
    await fresh.query(`create role ${role} login`);
    const [{ me }] = await fresh.query<{ me: string }>(`select current_user as me`);
    for (const statement of runtimeGrants({ owner: me, runtime: role })) await fresh.query(statement);
    const { default: postgres } = await import("postgres");
    const url = new URL(withDatabase(process.env.DATABASE_URL!, new URL(fresh.url!).pathname.slice(1)));
    url.username = role;
    url.password = "";
    const app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const id = await newCase();
      // The role moves a case along: the trigger audits it on the role's behalf.
      await app.begin(async (tx) => {
        await tx.unsafe(`select set_config('komek.action', 'send_to_commission', true)`);
        await tx.unsafe(`update applications set status = 'sent_to_commission' where id = $1`, [id]);
      });
      const [{ n }] = await app.unsafe(`select count(*)::int as n from case_transitions where application_id = $1`, [id]);
      expect(n).toBe(2);
      for (const sql of [`update case_transitions set reason = 'x'`, `delete from case_transitions`, `truncate case_transitions`, `alter table case_transitions disable trigger user`]) {
        const error = await app.unsafe(sql).then(() => null, (e: { code?: string; message: string }) => e);
        expect(error?.code, sql).toMatch(/^(42501|42P01)$/);
        expect(error?.message).toMatch(/permission denied|must be owner/);
      }
    } finally {
      await app.end();
      await fresh.query(`drop owned by ${role}`);
      await fresh.query(`drop role ${role}`);
    }
  });
});
