/**
 * Who may read a local-assistance document: its applicant, and staff handling cases (specialist,
 * commission, head) in the office that serves the case's settlement once the case is registered.
 * Anyone else — another citizen, another district, a signed-out visitor — gets nothing (the route
 * answers 404, as for a document that does not exist).
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db.server";
import { servesKato, type SessionUser } from "../../session.server";
import { CASE_ROLES } from "../../staff/case.server";
import { applications, localDocuments } from "../../../db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function documentForViewer(user: SessionUser | null, id: string | undefined) {
  if (!user || !id || !UUID.test(id)) return null;
  const { db } = await getDb();
  const [row] = await db
    .select({ doc: localDocuments, applicantIin: applications.applicantIin, status: applications.status, katoCode: applications.katoCode })
    .from(localDocuments)
    .innerJoin(applications, eq(applications.id, localDocuments.applicationId))
    .where(eq(localDocuments.id, id));
  if (!row) return null;
  const allowed =
    user.kind === "citizen"
      ? row.applicantIin === user.iin
      : CASE_ROLES.includes(user.staff.role) && row.status !== "draft" && row.status !== "rejected_at_check" && !!row.katoCode && servesKato(user, row.katoCode);
  return allowed ? row.doc : null;
}
