/**
 * The declared family against the registry household (issue 13, defect 7). Differences are allowed
 * — a family may live apart from its registered household, or include someone registered elsewhere
 * — but the specialist and the commission see them: who was added (not in the applicant's registry
 * household) and who was left out (in it, alive, not declared), with the registry's relation.
 *
 * householdRelation is the one place a registry household role becomes a family relation, and
 * familyFromHousehold the one way a household becomes a declared family (defect 9): the portal's
 * members step, SMS/proactive registration and the demo cases use them.
 */
import type { Relation } from "./application-draft";
import type { HouseholdRole } from "./gateway";

const ROLE_TO_RELATION: Readonly<Record<HouseholdRole, Relation>> = { head: "other", spouse: "spouse", child: "child", parent: "parent", other: "other" };

/**
 * The relation to the applicant of a person the registry puts in the applicant's household. The
 * registry's roles are relative to the household's head, so they are exact when the applicant is
 * the head (the usual applicant); otherwise the role is shown beside it in the comparison.
 */
export function householdRelation(role: HouseholdRole | null): Relation {
  return role ? ROLE_TO_RELATION[role] : "other";
}

export type HouseholdPerson = { iin: string; householdRole: HouseholdRole | null; deathDate: string | null };
export type DeclaredMember = { iin: string; relation: string };

/**
 * The family as the registry household gives it, for a channel where the applicant declares none
 * (an SMS consent, a demo case): the applicant first, then every living member with the relation
 * householdRelation gives.
 */
export function familyFromHousehold(applicantIin: string, household: readonly HouseholdPerson[]): DeclaredMember[] {
  const others = household.filter((p) => p.iin !== applicantIin && !p.deathDate);
  return [{ iin: applicantIin, relation: "applicant" }, ...others.map((p) => ({ iin: p.iin, relation: householdRelation(p.householdRole) }))];
}

export type FamilyFlags = {
  /** Declared but not in the applicant's registry household. */
  added: { iin: string; declaredRelation: string }[];
  /** In the registry household, alive, but not declared. */
  leftOut: { iin: string; registryRole: HouseholdRole | null }[];
};

/**
 * Compares the declared members (the applicant among them or not) with the applicant's registry
 * household (getHouseholdMembers: the applicant included, head first). Order follows the inputs.
 */
export function compareFamily(applicantIin: string, declared: readonly DeclaredMember[], household: readonly HouseholdPerson[]): FamilyFlags {
  const declaredIins = new Set(declared.map((m) => m.iin));
  const householdIins = new Set(household.map((p) => p.iin));
  return {
    added: declared.filter((m) => m.iin !== applicantIin && !householdIins.has(m.iin)).map((m) => ({ iin: m.iin, declaredRelation: m.relation })),
    leftOut: household
      .filter((p) => p.iin !== applicantIin && !p.deathDate && !declaredIins.has(p.iin))
      .map((p) => ({ iin: p.iin, registryRole: p.householdRole })),
  };
}

export function hasFamilyFlags(flags: FamilyFlags): boolean {
  return flags.added.length > 0 || flags.leftOut.length > 0;
}
