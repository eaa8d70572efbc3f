/** What the citizen's cabinet and status page read of their own applications (routes reach db/ only through here). */
import { getDb } from "../db.server";
import { eventsOf, listApplicationsOf } from "../../db/queries/applications";

/** The status changes of one application, oldest first. */
export async function applicationEvents(applicationId: string) {
  const { db } = await getDb();
  return eventsOf(db, applicationId);
}

/** Every application the citizen filed, for the cabinet. */
export async function applicationsOf(iin: string) {
  const { db } = await getDb();
  return listApplicationsOf(db, iin);
}
