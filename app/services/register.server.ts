/**
 * Registration in the e-journal for every service and channel: the due date from the service's
 * channel deadline, the service's number prefix and counter, and the family's open offers closed with
 * an SMS saying why (issue 13, defect 8). Portal, SMS, Centre, akim and the demo fixtures all come here.
 */
import type { Db } from "../../db/client";
import { registerApplication, type RegistrationInput, type RegistrationOutcome } from "../../db/queries/applications";
import { render } from "../../sms/templates";
import { addDeadline, kzCalendar } from "../domain/workdays";
import { channelOf, type ServiceDefinition } from "./definition";

/** The legal due date of a case registered by `channel` on `applicationDate`, by the service's deadline. */
export function caseDueDate(def: ServiceDefinition, channel: string, applicationDate: string): string {
  return addDeadline(applicationDate, channelOf(def, channel).deadline, kzCalendar);
}

/** The SMS a recipient of an open offer gets when their family registers by another channel. */
export function offerClosedTexts() {
  return { ru: render("ru", "closedRegistered").text, kk: render("kk", "closedRegistered").text };
}

export type CaseRegistration = Omit<RegistrationInput, "service" | "closeOffers" | "dueDate"> & {
  /** The offer whose reply is being registered (it is not closed, it becomes `registered`). */
  fromOfferId?: number;
};

export async function registerCase(db: Db, def: ServiceDefinition, input: CaseRegistration): Promise<RegistrationOutcome & { dueDate: string }> {
  const { fromOfferId, ...rest } = input;
  const dueDate = caseDueDate(def, input.channel, input.applicationDate);
  const outcome = await registerApplication(db, {
    ...rest,
    dueDate,
    service: { key: def.key, numberPrefix: def.numberPrefix },
    closeOffers: { text: offerClosedTexts(), exceptOfferId: fromOfferId },
  });
  return { ...outcome, dueDate };
}
