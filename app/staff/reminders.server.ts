/**
 * The daily deadline job (SPEC "Deadlines"): staff are reminded of open cases due within 3 working
 * days. It runs on the SMS worker's pg-boss (sms/worker.server.ts calls startDeadlineJobs): the
 * worker's minute ticker enqueues one job per Kazakhstan day under an id derived from the day, so
 * however many workers tick, the day's job exists once; the reminder rows are unique per person, case
 * and day, so a retried job adds nothing.
 */
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Tx } from "../../db/client";
import * as q from "../../db/queries/deciding";
import { availableActions, type WorkflowState } from "../domain/workflow";
import { kzDate, kzOffsetMinutes } from "../domain/kz-time";
import { addWorkingDays, kzCalendar, workingDaysBetween } from "../domain/workdays";

export const REMINDER_QUEUE = "staff-deadline-reminders";
export const REMIND_WITHIN_WORKING_DAYS = 3;
/** Kazakhstan local hour from which the day's job is enqueued (the start of the working day). */
export const REMINDER_HOUR = 8;

/** Creates today's reminders; returns how many rows were new, and how many assignments ended. */
export async function remindStaffOfDueCases(db: Tx, now: Date): Promise<{ reminders: number; releasedAssignments: number }> {
  const today = kzDate(now);
  const until = addWorkingDays(today, REMIND_WITHIN_WORKING_DAYS, kzCalendar);
  const cases = await q.openCasesDueBetween(db, today, until);
  const offices = (await q.allOffices(db)).filter((o) => o.katoPrefix !== "");
  const rows: Parameters<typeof q.insertReminders>[1] = [];
  for (const c of cases) {
    const office = offices.find((o) => c.katoCode?.startsWith(o.katoPrefix));
    if (!office || !c.dueDate) continue;
    const staff = await q.staffOfOffice(db, office.code, ["specialist", "commission", "head"]);
    const assigned = await q.currentAssignment(db, c.id);
    // Whoever takes the next step, and the head, who answers for the deadline.
    const recipients = staff.filter((s) => {
      if (s.role === "head") return true;
      if (!availableActions(c.status as WorkflowState, s.role).some((a) => a !== "request_other_agencies")) return false;
      return s.role !== "specialist" || !assigned || c.status === "registered" || assigned.specialistId === s.id;
    });
    const left = workingDaysBetween(today, c.dueDate, kzCalendar);
    for (const s of recipients) rows.push({ staffId: s.id, applicationId: c.id, forDate: today, dueDate: c.dueDate, workingDaysLeft: left, createdAt: now });
  }
  const reminders = await q.insertReminders(db, rows);
  // Assignments whose period is over release the family's members, so they may apply again.
  const releasedAssignments = await q.releaseEndedAssignments(db, today.slice(0, 7));
  return { reminders, releasedAssignments };
}

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
