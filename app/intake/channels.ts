/**
 * Which channel a staff role files paper applications by (seed 000 Annex 12 item 1: the Centre and
 * the akim of a settlement, village or rural district), and whether a person may be filed for by an
 * office. Pure: the routes and the intake service ask here, so no rule is written twice.
 */
export const INTAKE_ROLES = ["centre_specialist", "akim"] as const;
export type IntakeRole = (typeof INTAKE_ROLES)[number];

export function isIntakeRole(role: string): role is IntakeRole {
  return (INTAKE_ROLES as readonly string[]).includes(role);
}

/** The Centre files by the `centre` channel, the akim's office by `akim`; the service's definition gives each its deadline. */
export function intakeChannel(role: IntakeRole): "centre" | "akim" {
  return role === "akim" ? "akim" : "centre";
}

/**
 * May an office with this KATO prefix file for a person with these current registrations? An akim
 * serves only its village or rural district; a Centre serves its district. An office serving the whole
 * country (empty prefix) files for nobody: paper is accepted where the family lives.
 */
export function servesResident(katoPrefix: string, registrationKatos: readonly string[]): boolean {
  return katoPrefix !== "" && registrationKatos.some((k) => k.startsWith(katoPrefix));
}
