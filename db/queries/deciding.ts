/** Verbs over a case being decided: transitions and their audit, the survey act, income, decision, notice, deadlines. */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import {
  activeCaseMembers, applicationEvents, applicationMembers, applications, caseTransitions, decisions, incomeCalculations, incomeCorrections,
  notices, offices, otherAgencyRequests, specialistAssignments, staffAccounts, staffReminders, surveyActs, workflowTransitions,
  type ApplicationStatus, type Channel, type StaffRole,
} from "../schema";

/** Who acts, as the audit table records it. */
export type AuditActor =
  | { kind: "staff"; staffId: number; login: string; role: StaffRole }
  | { kind: "system" }
  | { kind: "applicant"; iin: string };

export type TransitionRecord = {
  applicationId: string;
  action: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actor: AuditActor;
  at: Date;
  reason?: string | null;
  details?: unknown;
};

/** The statuses of a case still being worked on (neither a draft nor finished). */
export const OPEN_STATUSES: ApplicationStatus[] = [
  "registered", "sent_to_commission", "survey_recorded", "specialist_assigned", "income_computed", "decision_drafted", "decision_signed",
];

const actorColumns = (actor: AuditActor) => ({
  kind: actor.kind,
  staffId: actor.kind === "staff" ? String(actor.staffId) : "",
  label: actor.kind === "staff" ? actor.login : actor.kind === "applicant" ? actor.iin : "system",
  role: actor.kind === "staff" ? actor.role : actor.kind,
});

/**
 * Moves a case from `from` to `to`. The database admits the change only if workflow_transitions lists
 * it and writes the audit row itself from the transaction-local settings set here, so this must run
 * inside a transaction. Returns false when the case was no longer in `from` (someone else acted first).
 */
export async function changeStatus(tx: Tx, t: TransitionRecord): Promise<boolean> {
  const a = actorColumns(t.actor);
  await tx.execute(sql`select
    set_config('komek.action', ${t.action}, true),
    set_config('komek.actor_kind', ${a.kind}, true),
    set_config('komek.actor_staff_id', ${a.staffId}, true),
    set_config('komek.actor_label', ${a.label}, true),
    set_config('komek.actor_role', ${a.role}, true),
    set_config('komek.at', ${t.at.toISOString()}, true),
    set_config('komek.reason', ${t.reason ?? ""}, true),
    set_config('komek.details', ${t.details === undefined ? "" : JSON.stringify(t.details)}, true)`);
  const updated = await tx
    .update(applications)
    .set({ status: t.to, updatedAt: t.at })
    .where(and(eq(applications.id, t.applicationId), eq(applications.status, t.from)))
    .returning({ id: applications.id });
  // Leave nothing behind for a later statement of the same transaction.
  await tx.execute(sql`select set_config('komek.action', '', true), set_config('komek.reason', '', true), set_config('komek.details', '', true)`);
  if (updated.length !== 1) return false;
  await tx.insert(applicationEvents).values({ applicationId: t.applicationId, at: t.at, status: t.to });
  return true;
}

/** A transition that keeps the status (a request to other agencies, a recomputation): the code writes its audit row. */
export async function recordSelfTransition(tx: Tx, t: TransitionRecord) {
  const a = actorColumns(t.actor);
  await tx.insert(caseTransitions).values({
    applicationId: t.applicationId,
    at: t.at,
    actorKind: a.kind,
    actorStaffId: t.actor.kind === "staff" ? t.actor.staffId : null,
    actorLabel: a.label,
    actorRole: a.role,
    action: t.action,
    fromStatus: t.from,
    toStatus: t.to,
    reason: t.reason ?? null,
    details: t.details ?? null,
  });
}

/** The audit trail of a case, oldest first, with the staff member's name. */
export async function transitionsOf(db: Tx, applicationId: string) {
  return db
    .select({
      id: caseTransitions.id,
      at: caseTransitions.at,
      action: caseTransitions.action,
      from: caseTransitions.fromStatus,
      to: caseTransitions.toStatus,
      actorKind: caseTransitions.actorKind,
      actorLabel: caseTransitions.actorLabel,
      actorRole: caseTransitions.actorRole,
      reason: caseTransitions.reason,
      details: caseTransitions.details,
      nameRu: staffAccounts.fullNameRu,
      nameKk: staffAccounts.fullNameKk,
    })
    .from(caseTransitions)
    .leftJoin(staffAccounts, eq(staffAccounts.id, caseTransitions.actorStaffId))
    .where(eq(caseTransitions.applicationId, applicationId))
    .orderBy(asc(caseTransitions.at), asc(caseTransitions.id));
}

export async function workflowTransitionRows(db: Tx) {
  return db.select().from(workflowTransitions);
}

export async function membersOf(db: Tx, applicationId: string) {
  return db.select().from(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
}

// --- survey act ---------------------------------------------------------------------------------

export type NewSurveyAct = typeof surveyActs.$inferInsert;
export async function insertSurveyAct(db: Tx, act: NewSurveyAct) {
  await db.insert(surveyActs).values(act);
}
export async function surveyActOf(db: Tx, applicationId: string) {
  const [row] = await db.select().from(surveyActs).where(eq(surveyActs.applicationId, applicationId));
  return row ?? null;
}

// --- responsible specialist ---------------------------------------------------------------------

export async function insertAssignment(db: Tx, row: typeof specialistAssignments.$inferInsert) {
  await db.insert(specialistAssignments).values(row);
}

/** The specialist in charge now (the latest choice of the head), or null. */
export async function currentAssignment(db: Tx, applicationId: string) {
  const [row] = await db
    .select({ specialistId: specialistAssignments.specialistId, assignedAt: specialistAssignments.assignedAt, nameRu: staffAccounts.fullNameRu, nameKk: staffAccounts.fullNameKk })
    .from(specialistAssignments)
    .innerJoin(staffAccounts, eq(staffAccounts.id, specialistAssignments.specialistId))
    .where(eq(specialistAssignments.applicationId, applicationId))
    .orderBy(desc(specialistAssignments.assignedAt), desc(specialistAssignments.id))
    .limit(1);
  return row ?? null;
}

/** Active staff of an office with a role, for the head's choice and for reminders. */
export async function staffOfOffice(db: Tx, officeCode: string, roles: StaffRole[]) {
  return db
    .select({ id: staffAccounts.id, login: staffAccounts.login, role: staffAccounts.role, nameRu: staffAccounts.fullNameRu, nameKk: staffAccounts.fullNameKk })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.officeCode, officeCode), eq(staffAccounts.active, true), inArray(staffAccounts.role, roles)))
    .orderBy(asc(staffAccounts.fullNameRu));
}

// --- income -------------------------------------------------------------------------------------

export async function insertCorrection(db: Tx, row: typeof incomeCorrections.$inferInsert) {
  const [created] = await db.insert(incomeCorrections).values(row).returning();
  return created;
}
export async function correctionsOf(db: Tx, applicationId: string) {
  return db
    .select({ correction: incomeCorrections, nameRu: staffAccounts.fullNameRu, nameKk: staffAccounts.fullNameKk })
    .from(incomeCorrections)
    .innerJoin(staffAccounts, eq(staffAccounts.id, incomeCorrections.createdBy))
    .where(eq(incomeCorrections.applicationId, applicationId))
    .orderBy(asc(incomeCorrections.id));
}
export async function insertCalculation(db: Tx, row: typeof incomeCalculations.$inferInsert) {
  const [created] = await db.insert(incomeCalculations).values(row).returning();
  return created;
}
export async function latestCalculation(db: Tx, applicationId: string) {
  const [row] = await db.select().from(incomeCalculations).where(eq(incomeCalculations.applicationId, applicationId)).orderBy(desc(incomeCalculations.id)).limit(1);
  return row ?? null;
}

// --- decision and notice ------------------------------------------------------------------------

export async function insertDecision(db: Tx, row: typeof decisions.$inferInsert) {
  const [created] = await db.insert(decisions).values(row).returning();
  return created;
}
export async function latestDecision(db: Tx, applicationId: string) {
  const [row] = await db.select().from(decisions).where(eq(decisions.applicationId, applicationId)).orderBy(desc(decisions.id)).limit(1);
  return row ?? null;
}
export async function findDecision(db: Tx, id: number) {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
  return row ?? null;
}

export async function insertNotice(db: Tx, row: typeof notices.$inferInsert) {
  const [created] = await db.insert(notices).values(row).returning();
  return created;
}
/** The notice waiting for the head's signature, if any. */
export async function unsignedNoticeOf(db: Tx, applicationId: string) {
  const [row] = await db.select().from(notices).where(and(eq(notices.applicationId, applicationId), isNull(notices.signature))).orderBy(desc(notices.createdAt)).limit(1);
  return row ?? null;
}
export async function signedNoticeOf(db: Tx, applicationId: string) {
  const [row] = await db.select().from(notices).where(and(eq(notices.applicationId, applicationId), isNotNull(notices.signature)));
  return row ?? null;
}
/** A returned draft takes its unsigned notice with it. */
export async function dropUnsignedNotices(db: Tx, applicationId: string) {
  await db.delete(notices).where(and(eq(notices.applicationId, applicationId), isNull(notices.signature)));
}
export async function signNotice(
  db: Tx,
  id: string,
  s: { payload: string; signature: string; signerIin: string; signerName: string; signerSerial: string; signedBy: number; signedAt: Date; textRu: string; textKk: string },
) {
  const rows = await db.update(notices).set(s).where(and(eq(notices.id, id), isNull(notices.signature))).returning({ id: notices.id });
  return rows.length === 1;
}
export async function markNoticeDelivered(db: Tx, id: string, at: Date) {
  await db.update(notices).set({ deliveredAt: at }).where(and(eq(notices.id, id), isNull(notices.deliveredAt)));
}
export async function findSignedNotice(db: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ notice: notices, applicantIin: applications.applicantIin, katoCode: applications.katoCode })
    .from(notices)
    .innerJoin(applications, eq(applications.id, notices.applicationId))
    .where(and(eq(notices.id, id), isNotNull(notices.signature)));
  return row ?? null;
}
/** For /verify: the signed notice with this registration number and printed code. */
export async function findNoticeByCode(db: Tx, registrationNumber: string, code: string) {
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.registrationNumber, registrationNumber), eq(notices.verificationCode, code), isNotNull(notices.signature)));
  return row ?? null;
}
export async function findNoticeByRegistrationNumber(db: Tx, registrationNumber: string) {
  const [row] = await db.select().from(notices).where(and(eq(notices.registrationNumber, registrationNumber), isNotNull(notices.signature)));
  return row ?? null;
}
/** What the citizen's cabinet lists: delivered notices of decisions. */
export async function deliveredNoticesOf(db: Tx, applicantIin: string) {
  return db
    .select({ id: notices.id, registrationNumber: notices.registrationNumber, deliveredAt: notices.deliveredAt, kind: decisions.kind, service: applications.service })
    .from(notices)
    .innerJoin(applications, eq(applications.id, notices.applicationId))
    .innerJoin(decisions, eq(decisions.id, notices.decisionId))
    .where(and(eq(applications.applicantIin, applicantIin), isNotNull(notices.deliveredAt)))
    .orderBy(desc(notices.deliveredAt));
}

/**
 * The case has ended in a refusal: its members may apply again at once, so their claim on a live case
 * goes. An assignment keeps the claim (the family receives ASP and must not open a second case) until
 * its period is over; see releaseEndedAssignments.
 */
export async function releaseMembers(db: Tx, applicationId: string) {
  await db.delete(activeCaseMembers).where(eq(activeCaseMembers.applicationId, applicationId));
}

/** Frees the members of assignments whose period ended before `month` ('YYYY-MM'). Returns how many cases. */
export async function releaseEndedAssignments(db: Tx, month: string) {
  const ended = await db
    .selectDistinct({ applicationId: activeCaseMembers.applicationId })
    .from(activeCaseMembers)
    .innerJoin(notices, and(eq(notices.applicationId, activeCaseMembers.applicationId), isNotNull(notices.deliveredAt)))
    .innerJoin(decisions, eq(decisions.id, notices.decisionId))
    .where(and(eq(decisions.kind, "assignment"), lt(decisions.periodTo, month)));
  if (!ended.length) return 0;
  await db.delete(activeCaseMembers).where(inArray(activeCaseMembers.applicationId, ended.map((e) => e.applicationId)));
  return ended.length;
}

// --- deadlines ----------------------------------------------------------------------------------

export async function insertOtherAgencyRequest(db: Tx, row: typeof otherAgencyRequests.$inferInsert) {
  const [created] = await db.insert(otherAgencyRequests).values(row).returning();
  return created;
}
export async function otherAgencyRequestsOf(db: Tx, applicationId: string) {
  return db.select().from(otherAgencyRequests).where(eq(otherAgencyRequests.applicationId, applicationId)).orderBy(asc(otherAgencyRequests.id));
}
export async function markRequestNotified(db: Tx, id: number, by: number, at: Date, texts: { ru: string; kk: string }) {
  const rows = await db
    .update(otherAgencyRequests)
    .set({ notifiedAt: at, notifiedBy: by, noticeRu: texts.ru, noticeKk: texts.kk })
    .where(and(eq(otherAgencyRequests.id, id), isNull(otherAgencyRequests.notifiedAt)))
    .returning({ id: otherAgencyRequests.id });
  return rows.length === 1;
}
/** Notifications of requests to other agencies, for the citizen's cabinet. */
export async function agencyNotificationsOf(db: Tx, applicantIin: string) {
  return db
    .select({ id: otherAgencyRequests.id, registrationNumber: applications.registrationNumber, notifiedAt: otherAgencyRequests.notifiedAt, ru: otherAgencyRequests.noticeRu, kk: otherAgencyRequests.noticeKk, signerName: otherAgencyRequests.signerName })
    .from(otherAgencyRequests)
    .innerJoin(applications, eq(applications.id, otherAgencyRequests.applicationId))
    .where(and(eq(applications.applicantIin, applicantIin), isNotNull(otherAgencyRequests.notifiedAt)))
    .orderBy(desc(otherAgencyRequests.notifiedAt));
}
export async function setDueDate(db: Tx, applicationId: string, dueDate: string, at: Date) {
  await db.update(applications).set({ dueDate, updatedAt: at }).where(eq(applications.id, applicationId));
}

export type JournalFilter = {
  katoPrefix: string;
  statuses?: ApplicationStatus[];
  channel?: Channel;
  /** Open cases due on or before this day. */
  dueBy?: string;
  /** Open cases whose due date is before this day (today: overdue). */
  overdueBefore?: string;
  /** Only cases with a request to other agencies whose applicant has not been notified. */
  notificationMissing?: boolean;
  /** Only cases whose current responsible specialist is this staff member. */
  assignedTo?: number;
  limit?: number;
};

/** The registration journal of a district, newest first, with what the journal flags. */
export async function listJournal(db: Tx, f: JournalFilter) {
  const where: SQL[] = [sql`${applications.katoCode} like ${f.katoPrefix + "%"}`, notInArray(applications.status, ["draft", "rejected_at_check"])];
  if (f.statuses?.length) where.push(inArray(applications.status, f.statuses));
  if (f.channel) where.push(eq(applications.channel, f.channel));
  if (f.dueBy) where.push(lte(applications.dueDate, f.dueBy), inArray(applications.status, OPEN_STATUSES));
  if (f.overdueBefore) where.push(lt(applications.dueDate, f.overdueBefore), inArray(applications.status, OPEN_STATUSES));
  // Drizzle writes a column of the outer table unqualified inside a subquery; qualify it by hand.
  const outerId = sql.raw(`"applications"."id"`);
  const pending = sql<number>`(select count(*)::int from ${otherAgencyRequests} r where r.application_id = ${outerId} and r.notified_at is null)`;
  const notifyBy = sql<string | null>`(select min(r.notify_by)::text from ${otherAgencyRequests} r where r.application_id = ${outerId} and r.notified_at is null)`;
  if (f.notificationMissing) where.push(sql`${pending} > 0`);
  const assignee = sql<number | null>`(select s.specialist_id from ${specialistAssignments} s where s.application_id = ${outerId} order by s.assigned_at desc, s.id desc limit 1)`;
  if (f.assignedTo !== undefined) where.push(sql`${assignee} = ${f.assignedTo}`);
  return db
    .select({
      id: applications.id,
      registrationNumber: applications.registrationNumber,
      applicantIin: applications.applicantIin,
      channel: applications.channel,
      status: applications.status,
      applicationDate: applications.applicationDate,
      dueDate: applications.dueDate,
      katoCode: applications.katoCode,
      pendingNotifications: pending,
      notifyBy,
      assignee,
    })
    .from(applications)
    .where(and(...where))
    .orderBy(asc(applications.dueDate), desc(applications.registeredAt))
    .limit(f.limit ?? 200);
}

/** Open cases of every office due between `from` and `to` (inclusive), for the daily reminder. */
export async function openCasesDueBetween(db: Tx, from: string, to: string) {
  return db
    .select({ id: applications.id, katoCode: applications.katoCode, status: applications.status, dueDate: applications.dueDate, registrationNumber: applications.registrationNumber, service: applications.service })
    .from(applications)
    .where(and(inArray(applications.status, OPEN_STATUSES), gte(applications.dueDate, from), lte(applications.dueDate, to)));
}

export async function allOffices(db: Tx) {
  return db.select().from(offices);
}

export async function insertReminders(db: Tx, rows: (typeof staffReminders.$inferInsert)[]) {
  if (!rows.length) return 0;
  const created = await db.insert(staffReminders).values(rows).onConflictDoNothing().returning({ id: staffReminders.id });
  return created.length;
}

export async function remindersFor(db: Tx, staffId: number, forDate: string) {
  return db
    .select({ applicationId: staffReminders.applicationId, dueDate: staffReminders.dueDate, workingDaysLeft: staffReminders.workingDaysLeft, registrationNumber: applications.registrationNumber, status: applications.status })
    .from(staffReminders)
    .innerJoin(applications, eq(applications.id, staffReminders.applicationId))
    .where(and(eq(staffReminders.staffId, staffId), eq(staffReminders.forDate, forDate), inArray(applications.status, OPEN_STATUSES)))
    .orderBy(asc(staffReminders.dueDate));
}
