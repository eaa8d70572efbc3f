/**
 * The facts for clause 7-1 check 2 (ADR 012), gathered the same way for every channel: the registry's
 * records of the service in force on the day (app/domain/prior-assistance.ts) and the live Komek cases
 * of the same service.
 */
import type { Tx } from "../../db/client";
import { findActiveCaseMembers } from "../../db/queries/applications";
import type { Gateway } from "../domain/gateway";
import { priorAssistanceOn } from "../domain/prior-assistance";
import type { SubmissionFacts } from "../domain/seven-one";
import type { ServiceDefinition } from "./definition";

export async function priorAssistanceFacts(
  db: Tx,
  gateway: Pick<Gateway, "getAspRecords">,
  def: ServiceDefinition,
  iins: string[],
  day: string,
): Promise<Pick<SubmissionFacts, "registryPrior" | "komekActive">> {
  const [records, active] = await Promise.all([
    def.priorAssistance === "registry_asp_records" ? gateway.getAspRecords(iins) : Promise.resolve([]),
    findActiveCaseMembers(db, def.key, iins),
  ]);
  return {
    registryPrior: priorAssistanceOn(records, day),
    komekActive: active.map((a) => ({ iin: a.iin, registrationNumber: a.registrationNumber })),
  };
}
