/**
 * The daily deadline reminders (SPEC "Deadlines"): staff are reminded of open cases due within 3
 * working days. When and how the job runs is app/staff/deadline-jobs.server.ts; the reminder rows are
 * unique per person, case and day, so a retried job adds nothing.
 */
import type { Tx } from "../../db/client";
import * as q from "../../db/queries/deciding";
import { availableActions, type WorkflowState } from "../domain/workflow";
import { kzDate } from "../domain/kz-time";
import { addWorkingDays, kzCalendar, workingDaysBetween } from "../domain/workdays";

export const REMIND_WITHIN_WORKING_DAYS = 3;

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
      if (!availableActions(c.status as WorkflowState, s.role, c.service).some((a) => a !== "request_other_agencies")) return false;
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
