/**
 * Local social assistance to separate categories of needy citizens by decisions of the local
 * representative bodies (issue 14, ADR 014) as data: seed 001 (the service regulation) for channels,
 * deadlines and signers; the district's own rules come from its act file (rule-set.ts, acts/).
 */
import { RuleSetError, type ServiceDefinition } from "../definition";

const CLAUSE_5 = "seed 001, clause 5 (8 working days; 20 when documents are insufficient, lost or damaged)";

/** Refusal grounds of the typical rules (decree № 523) as every district act repeats them (seed 003, clause 12). */
export const LOCAL_REFUSAL_CODES = ["false_information", "survey_refused", "income_above_threshold", "already_assigned"] as const;
export const LOCAL_TERMINATION = [
  ["death", "next_month"],
  ["moved_away", "next_month"],
  ["medical_social_institution", "next_month"],
  ["false_information", "event_date"],
  ["grounds_lost", "event_date"],
] as const;

export const localDefinition: ServiceDefinition = {
  key: "local",
  nameKey: "services:local.title",
  numberPrefix: "LSA",
  legalBasis:
    "seed 001: regulation of the service «Назначение социальной помощи отдельным категориям нуждающихся граждан по решениям местных представительных органов» (standard: order № 279 of 28 April 2015); the district's maslikhat act (its file in app/services/local/acts)",
  // The standard (order № 279) dates from 28 April 2015; the regulation's own date is not in the seed.
  inForce: { from: "2015-04-28", to: null },
  channels: [
    { channel: "centre", deadline: { days: 8, dayKind: "working" }, extended: { days: 20, dayKind: "working" }, from: "application_day", basis: `seed 001, clause 2 sub-item 1 (the district office); ${CLAUSE_5}` },
    { channel: "akim", deadline: { days: 8, dayKind: "working" }, extended: { days: 20, dayKind: "working" }, from: "application_day", basis: "seed 001, clause 2 sub-item 2; clause 9 (8 working days; 20 when documents are insufficient, lost or damaged)" },
    { channel: "portal", deadline: { days: 8, dayKind: "working" }, extended: { days: 20, dayKind: "working" }, from: "application_day", basis: "seed 001, clause 2 sub-item 3 (people with disabilities and with socially significant diseases); clause 10" },
  ],
  checks: [
    { code: "portal_eligible", nameKey: "local:checks.portal_eligible", basis: "seed 001, clause 2 sub-item 3" },
    { code: "act_in_force", nameKey: "local:checks.act_in_force", basis: "the district's act in force on the application day (issue 14)" },
  ],
  priorAssistance: null,
  refusalGrounds: LOCAL_REFUSAL_CODES.map((code, i) => ({
    code,
    item: i + 1,
    legalKey: `local:refusal.${code}`,
    basis: `typical rules (decree № 523); seed 003 clause 12 sub-item ${i + 1}`,
  })),
  terminationGrounds: LOCAL_TERMINATION.map(([code, effectiveFrom], i) => ({
    code,
    item: i + 1,
    legalKey: `local:termination.${code}`,
    basis: `seed 003 clause 14 sub-item ${i + 1}`,
    effectiveFrom,
  })),
  workflow: {
    // seed 001 clause 5 actions 1–11: registration, district commission survey, per-capita income,
    // special commission conclusion, notice signed by the head and the specialist, delivery.
    stages: ["registered", "survey", "income", "special_commission", "decision", "notice_signed", "notice_delivered"],
    actors: ["specialist", "district_commission", "special_commission", "head"],
  },
  signers: ["head", "specialist"],
  // Paid through the State Corporation (seed 003 clauses 18–24); how often depends on the category of
  // the case under its district act (one-off, monthly, … per heating season), not on the service (ADR 023).
  payments: { periodicity: "by_category" },
  // Not the generic draft steps of ASP: the local application is its own short flow from /services/local
  // (category, documents, ЭЦП), so the generic /apply start refuses it.
  portalSteps: [],
  ruleSet: async ({ on, options }) => {
    const kato = options.kato;
    if (!kato || !/^\d{9}$/.test(kato)) throw new RuleSetError("the local rules belong to a district: give its KATO (--kato 355200000)");
    const { ruleSetInForce } = await import("./acts.server");
    const rs = ruleSetInForce(kato, on);
    if (!rs) {
      throw new RuleSetError(
        `no act of district ${kato} is loaded for ${on}: the district's current rules are not loaded (apply at the district office meanwhile)`,
      );
    }
    const { $schema: _schema, ...view } = rs;
    return view;
  },
};
