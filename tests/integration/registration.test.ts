import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { registerApplication } from "../../db/queries/applications";
import { rowsOf } from "../../db/rows";
import { testIins } from "../support/people";
import { ASP_REGISTRATION } from "../support/registration";

const NOW = new Date("2026-11-23T06:00:00Z");

function registration(applicantIin: string, members: string[]) {
  return {
    ...ASP_REGISTRATION,
    applicantIin,
    channel: "portal" as const,
    members: members.map((iin, i) => ({ iin, relation: i === 0 ? "applicant" : "child" })),
    katoCode: "355230100",
    applicationDate: "2026-11-23",
    dueDate: "2026-12-14",
    registeredBy: "system",
    now: NOW,
  };
}

describe("registering applications in the e-journal", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb({ max: 20 });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("gives a journal number, the due date and a timeline entry", async () => {
    const [a, b] = testIins(2, 7100);
    const outcome = await registerApplication(fresh.db, registration(a, [a, b]));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.registrationNumber).toMatch(/^ASP26-\d{6}$/);
    const rows = await fresh.query<{ status: string; due_date: string; registered_by: string }>(
      `select a.status, j.due_date::text, j.registered_by from applications a join registration_journal j on j.application_id = a.id where a.id = $1`,
      [outcome.applicationId],
    );
    expect(rows).toEqual([{ status: "registered", due_date: "2026-12-14", registered_by: "system" }]);
  });

  it("refuses a second case for a member who is already in a live case", async () => {
    const [a, b, c] = testIins(3, 7200);
    expect((await registerApplication(fresh.db, registration(a, [a, b]))).ok).toBe(true);
    const second = await registerApplication(fresh.db, registration(c, [c, b]));
    expect(second).toEqual({ ok: false, reason: "member_in_active_case", iins: [b] });
    const [{ count }] = await fresh.query<{ count: number }>(`select count(*)::int as count from applications where applicant_iin = $1`, [c]);
    expect(count).toBe(0);
  });

  it("of 50 concurrent submissions from families sharing members, no member is registered twice", async () => {
    // 25 shared members, each claimed by two families; every family also has its own applicant.
    const shared = testIins(25, 7300, "1960-01-01");
    const applicants = testIins(50, 7400, "1990-01-01");
    const outcomes = await Promise.all(applicants.map((a, i) => registerApplication(fresh.db, registration(a, [a, shared[i % 25]]))));
    const registered = outcomes.filter((o) => o.ok);
    expect(registered).toHaveLength(25);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === "member_in_active_case")).toBe(true);
    const twice = await fresh.query<{ iin: string }>(
      `select m.iin from application_members m join applications a on a.id = m.application_id
       where a.status = 'registered' group by m.iin having count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const numbers = await fresh.db.execute(sql`select count(distinct registration_number)::int as n, count(*)::int as total from registration_journal`);
    const [row] = rowsOf<{ n: number; total: number }>(numbers);
    expect(row.n).toBe(row.total);
  });

  it("families claiming overlapping members in different orders neither deadlock nor double-register", async () => {
    const shared = testIins(10, 7500, "1950-01-01");
    const applicants = testIins(30, 7600, "1995-01-01");
    const families = applicants.map((a, i) => [a, shared[i % 10], shared[(i * 7 + 3) % 10], shared[(i * 3 + 5) % 10]]);
    const outcomes = await Promise.all(families.map((f) => registerApplication(fresh.db, registration(f[0], [...new Set(f)]))));
    expect(outcomes.some((o) => o.ok)).toBe(true);
    const twice = await fresh.query<{ iin: string }>(
      `select m.iin from application_members m join applications a on a.id = m.application_id
       where a.status = 'registered' group by m.iin having count(*) > 1`,
    );
    expect(twice).toEqual([]);
  });

  it("formats registration numbers with the year of the application day and a six-digit counter", async () => {
    const [a] = testIins(1, 7700);
    await fresh.query(`insert into registration_counters (service, year, last) values ('asp', 2027, 122)`);
    const outcome = await registerApplication(fresh.db, { ...registration(a, [a]), applicationDate: "2027-01-05", dueDate: "2027-01-26" });
    expect(outcome).toMatchObject({ ok: true, registrationNumber: "ASP27-000123" });
  });
});

describe("registering without a draft (proactive)", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb();
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("registers even when the citizen has an unfinished portal draft, and leaves the draft alone", async () => {
    const { getOrCreateDraft } = await import("../../db/queries/applications");
    const [a, b] = testIins(2, 7900);
    const draft = await getOrCreateDraft(fresh.db, "asp", a, NOW);
    const outcome = await registerApplication(fresh.db, { ...registration(a, [a, b]), channel: "proactive" });
    expect(outcome.ok).toBe(true);
    const rows = await fresh.query<{ id: string; status: string; channel: string }>(`select id, status, channel from applications where applicant_iin = $1 order by created_at`, [a]);
    expect(rows).toEqual(expect.arrayContaining([
      { id: draft.id, status: "draft", channel: "portal" },
      expect.objectContaining({ status: "registered", channel: "proactive" }),
    ]));
  });
});
