import type { Gateway, GatewayPerson } from "../domain/gateway";
import type { Draft } from "../domain/application-draft";
import { householdRelation } from "../domain/family";

/** The members in the draft, or — before the citizen has touched the step — the household from the registry. */
export async function currentMembers(gateway: Gateway, applicantIin: string, draft: Draft) {
  if (draft.members) return draft.members;
  const household = await gateway.getHouseholdMembers(applicantIin);
  return household
    .filter((p) => p.iin !== applicantIin && !p.deathDate)
    .map((p) => ({ iin: p.iin, relation: householdRelation(p.householdRole) }));
}

export async function peopleByIin(gateway: Gateway, iins: string[]) {
  const people = await Promise.all(iins.map((iin) => gateway.getPerson(iin)));
  return new Map(people.filter((p): p is GatewayPerson => !!p).map((p) => [p.iin, p]));
}
