/** Verbs over paper applications filed at the Centre or by the akim (issue 16, ADR 018). */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import {
  applicationEvents, applications, caseTransitions, intakeScans, intakes, notices, offices, registrationJournal, staffAccounts,
  type Channel,
} from "../schema";

export type NewIntake = {
  service: string;
  applicantIin: string;
  channel: Channel;
  officeCode: string;
  staffId: number;
  smsLanguage: "ru" | "kk";
  draft: unknown;
  now: Date;
};

/** A draft application of the channel and the office filing it, in one transaction. */
export async function insertIntake(db: Tx, input: NewIntake): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        service: input.service, applicantIin: input.applicantIin, channel: input.channel, status: "draft", draft: input.draft,
        smsLanguage: input.smsLanguage, createdAt: input.now, updatedAt: input.now,
      })
      .returning({ id: applications.id });
    await tx.insert(intakes).values({ applicationId: row.id, officeCode: input.officeCode, staffId: input.staffId, createdAt: input.now });
    return row.id;
  });
}

/** The application and its intake row, or null (also for a malformed id). */
export async function findIntake(db: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ application: applications, intake: intakes })
    .from(intakes)
    .innerJoin(applications, eq(applications.id, intakes.applicationId))
    .where(eq(intakes.applicationId, id));
  return row ?? null;
}

/** The intake row of an application, if it was filed on paper. */
export async function intakeOf(db: Tx, applicationId: string) {
  const [row] = await db.select().from(intakes).where(eq(intakes.applicationId, applicationId));
  return row ?? null;
}

export async function listIntakes(db: Tx, officeCode: string, limit = 50) {
  return db
    .select({
      id: applications.id, status: applications.status, registrationNumber: applications.registrationNumber, applicantIin: applications.applicantIin,
      service: applications.service, channel: applications.channel, dueDate: applications.dueDate, createdAt: intakes.createdAt,
    })
    .from(intakes)
    .innerJoin(applications, eq(applications.id, intakes.applicationId))
    .where(eq(intakes.officeCode, officeCode))
    .orderBy(desc(intakes.createdAt))
    .limit(limit);
}

/** Saves the draft while it is still open (a registered application is never edited). */
export async function saveIntakeDraft(db: Tx, id: string, draft: unknown, now: Date) {
  const rows = await db
    .update(applications)
    .set({ draft, updatedAt: now })
    .where(and(eq(applications.id, id), inArray(applications.status, ["draft", "rejected_at_check"])))
    .returning({ id: applications.id });
  return rows.length === 1;
}

export type NewScan = {
  applicationId: string;
  kind: "document" | "consent";
  fileName: string;
  mimeType: "application/pdf" | "image/jpeg" | "image/png";
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
  uploadedBy: number;
  uploadedAt: Date;
};

export async function insertScan(db: Tx, scan: NewScan) {
  const [row] = await db.insert(intakeScans).values(scan).returning({ id: intakeScans.id });
  return row.id;
}

/** The scans of an application, without their bytes. */
export async function scansOf(db: Tx, applicationId: string) {
  return db
    .select({
      id: intakeScans.id, kind: intakeScans.kind, fileName: intakeScans.fileName, mimeType: intakeScans.mimeType, sizeBytes: intakeScans.sizeBytes,
      sha256: intakeScans.sha256, uploadedAt: intakeScans.uploadedAt,
    })
    .from(intakeScans)
    .where(eq(intakeScans.applicationId, applicationId))
    .orderBy(intakeScans.id);
}

/** One scan with its bytes and what deciding who may read it needs. */
export async function findScan(db: Tx, id: number) {
  const [row] = await db
    .select({ scan: intakeScans, applicantIin: applications.applicantIin, katoCode: applications.katoCode, status: applications.status, officeCode: intakes.officeCode })
    .from(intakeScans)
    .innerJoin(applications, eq(applications.id, intakeScans.applicationId))
    .leftJoin(intakes, eq(intakes.applicationId, intakeScans.applicationId))
    .where(eq(intakeScans.id, id));
  return row ?? null;
}

/**
 * Who registered the application, as the journal records it: the staff member's full names when the
 * journal names a login, null for the portal and the proactive channel ("system").
 */
export async function registrarOf(db: Tx, applicationId: string) {
  const [row] = await db
    .select({ registeredBy: registrationJournal.registeredBy, registeredAt: registrationJournal.registeredAt, nameRu: staffAccounts.fullNameRu, nameKk: staffAccounts.fullNameKk })
    .from(registrationJournal)
    .leftJoin(staffAccounts, eq(staffAccounts.login, registrationJournal.registeredBy))
    .where(eq(registrationJournal.applicationId, applicationId));
  return row ?? null;
}

/** The akim's forwarding of the package, if done. */
export async function forwardingOf(db: Tx, applicationId: string) {
  const [row] = await db
    .select({ at: caseTransitions.at, nameRu: staffAccounts.fullNameRu, nameKk: staffAccounts.fullNameKk })
    .from(caseTransitions)
    .leftJoin(staffAccounts, eq(staffAccounts.id, caseTransitions.actorStaffId))
    .where(and(eq(caseTransitions.applicationId, applicationId), eq(caseTransitions.action, "forward_to_district")));
  return row ?? null;
}

/** The timeline event of the forwarding, shown in the cabinet beside the status changes. */
export async function recordForwardEvent(tx: Tx, applicationId: string, at: Date) {
  await tx.insert(applicationEvents).values({ applicationId, at, status: "registered", note: "forwarded_to_district" });
}

/** The delivered, signed notice of a case, if any. */
export async function deliveredNoticeOf(db: Tx, applicationId: string) {
  const rows = await db.select({ id: notices.id, signedAt: notices.signedAt, deliveredAt: notices.deliveredAt }).from(notices).where(eq(notices.applicationId, applicationId));
  return rows.find((n) => n.signedAt !== null && n.deliveredAt !== null) ?? null;
}

/** Locks a registered case's row for the rest of the transaction; null when it is no longer registered. */
export async function lockRegistered(tx: Tx, applicationId: string) {
  const [row] = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.status, "registered"))).for("update");
  return row ?? null;
}

export async function findOffice(db: Tx, code: string) {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row ?? null;
}
