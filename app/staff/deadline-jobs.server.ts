/**
 * The staff deadline jobs (SPEC "Deadlines"), on the worker's pg-boss: sms/worker.server.ts only wires
 * them — it creates DEADLINE_QUEUES on install, calls startDeadlineJobs once and `tick()` from its
 * minute ticker. The ticker enqueues one reminder job per Kazakhstan day under an id derived from the
 * day, so however many workers tick, the day's job exists once (app/staff/reminders.server.ts says
 * what the job does).
 */
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Tx } from "../../db/client";
import { kzDate, kzOffsetMinutes } from "../domain/kz-time";
import { remindStaffOfDueCases } from "./reminders.server";

export const REMINDER_QUEUE = "staff-deadline-reminders";
/** Kazakhstan local hour from which the day's job is enqueued (the start of the working day). */
export const REMINDER_HOUR = 8;

/** A uuid that depends only on the day, so the day's job is created once. */
export function reminderJobId(day: string) {
  const h = createHash("sha256").update(`komek:staff-reminders:${day}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Is it time to enqueue `now`'s day job (Kazakhstan local hour ≥ REMINDER_HOUR)? */
export function reminderDue(now: Date): string | null {
  const localHour = new Date(now.getTime() + kzOffsetMinutes(now) * 60_000).getUTCHours();
  return localHour >= REMINDER_HOUR ? kzDate(now) : null;
}

export const REMINDER_QUEUE_OPTIONS = { name: REMINDER_QUEUE, retryLimit: 3, retryDelay: 60 };

/** Every queue the deadline jobs use, created by `komek migrate` as the owner role (installQueues). */
export const DEADLINE_QUEUES: readonly PgBoss.Queue[] = [REMINDER_QUEUE_OPTIONS];

/** Registers the job on the worker's pg-boss; call `tick()` from the worker's minute ticker. */
export async function startDeadlineJobs(boss: PgBoss, db: Tx, now: () => Date, log: (line: string) => void = () => {}) {
  await boss.createQueue(REMINDER_QUEUE, REMINDER_QUEUE_OPTIONS);
  await boss.work(REMINDER_QUEUE, async () => {
    const result = await remindStaffOfDueCases(db, now());
    log(`deadline reminders: ${result.reminders} new, ${result.releasedAssignments} assignments ended`);
  });
  return {
    async tick() {
      const day = reminderDue(now());
      if (!day) return 0;
      const id = await boss.send(REMINDER_QUEUE, { day }, { id: reminderJobId(day) });
      return id ? 1 : 0;
    },
  };
}
