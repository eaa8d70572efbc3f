import { getDb } from "../db.server";
import { requireStaff, servesKato, type StaffUser } from "../session.server";
import { findCase } from "../../db/queries/cases";
import type { Application, StaffRole } from "../../db/schema";

/** The roles that handle cases — in a district office only (servesKato). Admins read the look-up log, not cases. */
export const CASE_ROLES: readonly StaffRole[] = ["specialist", "commission", "head"];

/**
 * A case the signed-in staff member may see: right role, and a settlement their office serves.
 * Another district's case reads as "not found", like a case that does not exist.
 */
export async function requireCaseAccess(
  request: Request,
  id: string | undefined,
  roles: readonly StaffRole[] = CASE_ROLES,
): Promise<{ user: StaffUser; application: Application }> {
  const user = await requireStaff(request, roles);
  const { db } = await getDb();
  const application = id ? await findCase(db, id) : null;
  if (!application || application.status === "draft" || !application.katoCode || !servesKato(user, application.katoCode)) {
    throw new Response("Not found", { status: 404 });
  }
  return { user, application };
}
