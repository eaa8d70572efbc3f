/**
 * "Who looked at my data": every time staff or a 1414 agent opens someone's records, one row per
 * person whose data was on the screen. The citizen's cabinet (/cabinet/access) lists them with date,
 * role and purpose — never the employee's name, which stays in the log for investigations.
 */
import { getDb, type Tx } from "../db.server";
import type { StaffUser } from "../session.server";
import { caseSubjects, insertAccess, listAccessOf } from "../../db/queries/callcenter";
import type { Application, StaffRole } from "../../db/schema";

/** Why the data was opened; each has a plain-words name in locales/<lng>/callcenter.json access.purpose. */
export const ACCESS_PURPOSES = ["callcenter_lookup", "case_processing", "family_application", "notice_reading"] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export type AccessRecord = {
  /** The person whose data was shown, or every person of a case (applicant and family members). */
  subjectIin: string | readonly string[];
  actorRole: StaffRole;
  actorId: number;
  purpose: AccessPurpose;
  /** A call reference, registration number or case id; shown to the citizen. */
  reference?: string | null;
  /** A short, non-sensitive summary of what was shown. */
  shown?: unknown;
};

export async function recordAccess(record: AccessRecord, options: { db?: Tx; now?: Date } = {}) {
  const db = options.db ?? (await getDb()).db;
  const at = options.now ?? new Date();
  const subjects = [...new Set(typeof record.subjectIin === "string" ? [record.subjectIin] : record.subjectIin)];
  await insertAccess(
    db,
    subjects.map((subjectIin) => ({
      subjectIin,
      at,
      actorRole: record.actorRole,
      actorId: record.actorId,
      purpose: record.purpose,
      reference: record.reference?.slice(0, 64) ?? null,
      shown: record.shown ?? null,
    })),
  );
}

/** A staff case view: recorded for the applicant and each family member of the case. */
export async function recordCaseAccess(
  user: StaffUser,
  application: Pick<Application, "id" | "applicantIin" | "registrationNumber">,
  purpose: AccessPurpose = "case_processing",
  shown?: unknown,
) {
  const { db } = await getDb();
  await recordAccess(
    {
      subjectIin: await caseSubjects(db, application.id, application.applicantIin),
      actorRole: user.staff.role,
      actorId: user.staff.id,
      purpose,
      reference: application.registrationNumber ?? application.id,
      shown,
    },
    { db },
  );
}

/**
 * A citizen's application showed a family member's name or incomes (they come from the registry
 * household, app/application/members.server.ts): one row for each member shown, the applicant as actor.
 */
export async function recordFamilyRead(applicantIin: string, memberIins: readonly string[], applicationId: string, shown: string, now = new Date()) {
  const subjects = [...new Set(memberIins)].filter((iin) => iin !== applicantIin);
  if (!subjects.length) return;
  const { db } = await getDb();
  await insertAccess(
    db,
    subjects.map((subjectIin) => ({ subjectIin, at: now, actorIin: applicantIin, purpose: "family_application", reference: applicationId, shown: { step: shown } })),
  );
}

/** What the person sees of it: when, which role, why, and the reference — never who by name. */
export async function accessSeenBy(subjectIin: string, limit = 500) {
  const { db } = await getDb();
  const rows = await listAccessOf(db, subjectIin, limit);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), role: r.actorRole ?? "family_applicant", purpose: r.purpose, reference: r.reference }));
}
