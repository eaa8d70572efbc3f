/** Verbs over accounts, sessions and sign-in attempts. Each takes a Db or Tx: the caller owns the transaction. */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "../client";
import { authChallenges, citizenAccounts, loginAttempts, offices, sessions, staffAccounts, type StaffRole } from "../schema";

export async function findCitizenAccount(db: Tx, iin: string) {
  const [row] = await db.select().from(citizenAccounts).where(eq(citizenAccounts.iin, iin));
  return row ?? null;
}

/** Creates the account if missing (sign-in with ЭЦП registers it); returns it either way. */
export async function ensureCitizenAccount(db: Tx, iin: string, passwordHash: string | null = null) {
  await db.insert(citizenAccounts).values({ iin, passwordHash }).onConflictDoNothing();
  return (await findCitizenAccount(db, iin))!;
}

export async function setCitizenPassword(db: Tx, iin: string, passwordHash: string) {
  await db
    .insert(citizenAccounts)
    .values({ iin, passwordHash })
    .onConflictDoUpdate({ target: citizenAccounts.iin, set: { passwordHash } });
}

export async function markCitizenLogin(db: Tx, iin: string, at: Date) {
  await db.update(citizenAccounts).set({ lastLoginAt: at }).where(eq(citizenAccounts.iin, iin));
}

export async function findStaffByLogin(db: Tx, login: string) {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.login, login));
  return row ?? null;
}

export async function findStaffById(db: Tx, id: number) {
  const [row] = await db
    .select({ staff: staffAccounts, office: offices })
    .from(staffAccounts)
    .innerJoin(offices, eq(offices.code, staffAccounts.officeCode))
    .where(eq(staffAccounts.id, id));
  return row ?? null;
}

export async function upsertOffice(db: Tx, office: typeof offices.$inferInsert) {
  await db.insert(offices).values(office).onConflictDoUpdate({
    target: offices.code,
    set: { nameRu: office.nameRu, nameKk: office.nameKk, katoPrefix: office.katoPrefix },
  });
}

export async function upsertStaff(
  db: Tx,
  staff: { login: string; iin: string; fullNameRu: string; fullNameKk: string; role: StaffRole; officeCode: string; passwordHash: string },
) {
  const [row] = await db
    .insert(staffAccounts)
    .values(staff)
    .onConflictDoUpdate({
      target: staffAccounts.login,
      set: { iin: staff.iin, fullNameRu: staff.fullNameRu, fullNameKk: staff.fullNameKk, role: staff.role, officeCode: staff.officeCode, passwordHash: staff.passwordHash },
    })
    .returning();
  return row;
}

export async function recordLoginAttempt(db: Tx, keys: string[], succeeded: boolean, at: Date) {
  await db.insert(loginAttempts).values(keys.map((key) => ({ key, succeeded, at })));
}

export async function insertSession(db: Tx, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Tx, idHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function touchSession(db: Tx, idHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
}

export async function revokeSession(db: Tx, idHash: string, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
}

/**
 * Spends a (MAC-checked, live) challenge: true only the first time. The row is kept until the purge
 * job removes it after `expiresAt`, when the challenge is refused by its time anyway.
 */
export async function consumeChallenge(db: Tx, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
  const rows = await db
    .insert(authChallenges)
    .values({ nonce, createdAt: now, expiresAt, usedAt: now })
    .onConflictDoNothing({ target: authChallenges.nonce })
    .returning({ nonce: authChallenges.nonce });
  return rows.length === 1;
}
