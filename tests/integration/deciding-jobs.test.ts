/**
 * The daily deadline reminder runs on the SMS worker's pg-boss queue: the worker's ticker enqueues one
 * job per Kazakhstan day (from 08:00), the job writes the reminders, and ticking again adds nothing.
 */
import { ASP_REGISTRATION } from "../support/registration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { seedAccounts } from "../../db/seed/accounts";
import { registerApplication } from "../../db/queries/applications";
import { startSmsWorker, type SmsWorker } from "../../sms/worker.server";
import { createLocalTransport } from "../../sms/transports";
import { REMINDER_QUEUE, reminderDue, reminderJobId } from "../../app/staff/deadline-jobs.server";
import { testIins } from "../support/people";
import { eventually } from "./sms-fake-twilio";

describe("the daily reminder job on the SMS worker's queue", () => {
  let fresh: FreshDb;
  let worker: SmsWorker | null = null;
  let clock = new Date("2026-12-08T02:00:00Z"); // Tuesday 07:00 in Kazakhstan: too early

  beforeAll(async () => {
    fresh = await createFreshDb();
    await seedAccounts(fresh.db);
    const [iin] = testIins(1, 8700);
    const r = await registerApplication(fresh.db, {
        ...ASP_REGISTRATION,
      applicantIin: iin, channel: "portal", members: [{ iin, relation: "applicant" }], katoCode: "355230100",
      applicationDate: "2026-11-18", dueDate: "2026-12-09", registeredBy: "system", now: new Date("2026-11-18T05:00:00Z"),
    });
    if (!r.ok) throw new Error("setup");
    worker = await startSmsWorker(fresh, {
      transport: createLocalTransport(), ratePerSecond: 50, statusCallbackUrl: null, connectionString: fresh.url,
      tickIntervalMs: 60_000_000, pollingIntervalSeconds: 0.5, now: () => clock,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await fresh.drop();
  });

  it.each([
    ["2026-12-08T02:59:00Z", null], // Tuesday 07:59 Kazakhstan time
    ["2026-12-08T03:00:00Z", "2026-12-08"], // Tuesday 08:00
    ["2026-12-08T18:59:00Z", "2026-12-08"], // Tuesday 23:59
    ["2026-12-08T19:00:00Z", null], // Wednesday 00:00
  ])("at %s the day to remind of is %s", (at, day) => {
    expect(reminderDue(new Date(at))).toBe(day);
  });

  it("enqueues nothing before 08:00, then one job for the day that reminds the specialist and the head", async () => {
    await worker!.tick();
    expect(await fresh.query(`select 1 from staff_reminders`)).toEqual([]);
    clock = new Date("2026-12-08T04:00:00Z"); // 09:00
    await worker!.tick();
    await worker!.tick();
    const rows = await eventually(async () => {
      const found = await fresh.query<{ login: string; working_days_left: number }>(
        `select s.login, r.working_days_left from staff_reminders r join staff_accounts s on s.id = r.staff_id order by s.login`,
      );
      return found.length ? found : null;
    });
    expect(rows).toEqual([
      { login: "nura.head", working_days_left: 1 },
      { login: "nura.specialist", working_days_left: 1 },
    ]);
    const jobs = await fresh.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and id = $2`, [REMINDER_QUEUE, reminderJobId("2026-12-08")]);
    expect(jobs[0].n).toBe(1);
  });
});
