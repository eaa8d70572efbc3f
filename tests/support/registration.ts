/** What db/queries/applications.ts registerApplication needs of the service, for tests that call it directly. */
import { aspDefinition } from "../../app/services/asp/definition";
import { offerClosedTexts } from "../../app/services/register.server";

export const ASP_REGISTRATION = {
  service: { key: aspDefinition.key, numberPrefix: aspDefinition.numberPrefix },
  closeOffers: { text: offerClosedTexts() },
};
