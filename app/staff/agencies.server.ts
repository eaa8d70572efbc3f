/** The other-agency requests step reads how much of the extension a case has used (routes reach db/ only through here). */
import type { Tx } from "../db.server";
import { otherAgencyRequestsOf } from "../../db/queries/deciding";

/** Working days the case's deadline was already extended by requests to other agencies. */
export async function otherAgenciesDaysUsed(db: Tx, applicationId: string): Promise<number> {
  return (await otherAgencyRequestsOf(db, applicationId)).reduce((s, r) => s + r.extendedDays, 0);
}
