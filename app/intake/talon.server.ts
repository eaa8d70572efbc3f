/**
 * What a talon says (Annex 3 / 3.1; seed 000 clause 12 sub-item 2): the registration number, the
 * service, the applicant, the date and time of acceptance, who accepted it — the staff member's full
 * name for the Centre and the akim, "the portal" only for the portal and proactive channels — and the
 * due date with the deadline it follows from the service's definition.
 */
import { getDb } from "../db.server";
import { getGateway } from "../gateway.server";
import { personName } from "../application/draft.server";
import { getService } from "../services/registry";
import { channelOf } from "../services/definition";
import { findOffice, registrarOf, intakeOf } from "../../db/queries/intake";
import type { Application } from "../../db/schema";
import type { Language } from "../../locales";

export async function talonFacts(application: Application, lng: Language) {
  if (!application.registrationNumber || !application.registeredAt || !application.dueDate) return null;
  const { db } = await getDb();
  const def = getService(application.service);
  const [person, registrar, intake] = await Promise.all([
    (await getGateway()).getPerson(application.applicantIin),
    registrarOf(db, application.id),
    intakeOf(db, application.id),
  ]);
  const office = intake ? await findOffice(db, intake.officeCode) : null;
  const channel = def.channels.some((c) => c.channel === application.channel) ? channelOf(def, application.channel) : null;
  return {
    registrationNumber: application.registrationNumber,
    registeredAt: application.registeredAt.toISOString(),
    dueDate: application.dueDate,
    channel: application.channel,
    serviceNameKey: def.nameKey,
    applicant: person ? personName(person, lng) : application.applicantIin,
    /** The full name of the staff member who accepted the papers; null when the portal registered it itself. */
    acceptedBy: registrar?.nameRu ? (lng === "kk" ? registrar.nameKk : registrar.nameRu) : null,
    office: office ? (lng === "kk" ? office.nameKk : office.nameRu) : null,
    deadline: channel ? { days: channel.deadline.days, dayKind: channel.deadline.dayKind, basis: channel.basis } : null,
  };
}

export type TalonFacts = NonNullable<Awaited<ReturnType<typeof talonFacts>>>;
