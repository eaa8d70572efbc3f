/**
 * Serving a scanned paper document: only to the citizen whose application it is and to staff of the
 * case — the office that accepted the papers, or the district staff who handle the case. Anyone else
 * gets 404, as for a scan that does not exist.
 */
import { getDb } from "../db.server";
import { getUser, servesKato } from "../session.server";
import { recordCaseAccess } from "../audit/access.server";
import { CASE_ROLES } from "../staff/case.server";
import { findScan, scansOf } from "../../db/queries/intake";
import { isIntakeRole } from "./channels";

export async function scanResponse(request: Request, id: string | undefined): Promise<Response> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    return new Response(null, { status: 302, headers: { Location: `/login?redirectTo=${encodeURIComponent(url.pathname)}` } });
  }
  const scanId = id && /^\d{1,15}$/.test(id) ? Number(id) : null;
  const { db } = await getDb();
  const found = scanId ? await findScan(db, scanId) : null;
  const allowed =
    !!found &&
    (user.kind === "citizen"
      ? found.applicantIin === user.iin
      : isIntakeRole(user.staff.role)
        ? found.officeCode === user.office.code
        : CASE_ROLES.includes(user.staff.role) && found.status !== "draft" && !!found.katoCode && servesKato(user, found.katoCode));
  if (!found || !allowed) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (user.kind === "staff") {
    await recordCaseAccess(user, { id: found.scan.applicationId, applicantIin: found.applicantIin, registrationNumber: null }, "case_processing", { scan: found.scan.id });
  }
  return new Response(new Uint8Array(found.scan.bytes), {
    headers: {
      "Content-Type": found.scan.mimeType,
      "Content-Length": String(found.scan.sizeBytes),
      "Content-Disposition": `attachment; filename="${found.scan.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Komek-Sha256": found.scan.sha256,
    },
  });
}

/** The scans of the citizen's own paper application, for its status page (links to /scans/:id). */
export async function ownScans(applicationId: string) {
  const { db } = await getDb();
  return (await scansOf(db, applicationId)).map((s) => ({ id: s.id, kind: s.kind, fileName: s.fileName }));
}
