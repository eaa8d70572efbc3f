/** The intake home: the services this office files for and its latest paper applications. */
import { getDb } from "../db.server";
import { getLanguage } from "../i18n.server";
import { allServices } from "../services/registry";
import { listIntakes } from "../../db/queries/intake";
import { intakeChannel } from "./channels";
import type { IntakeUser } from "./intake.server";

/** Every service whose definition accepts this office's channel — ASP today, local assistance when it lands. */
export function intakeServices(user: IntakeUser) {
  const channel = intakeChannel(user.staff.role);
  return allServices()
    .filter((d) => d.channels.some((c) => c.channel === channel))
    .map((d) => ({ key: d.key, nameKey: d.nameKey }));
}

export async function intakeList(user: IntakeUser, request?: Request) {
  const { db } = await getDb();
  const lng = request ? await getLanguage(request) : "ru";
  const rows = await listIntakes(db, user.office.code);
  return {
    office: lng === "kk" ? user.office.nameKk : user.office.nameRu,
    services: intakeServices(user),
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}
