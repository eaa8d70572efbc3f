/**
 * State targeted social assistance (ASP) as data: seed 000 (order № 116 as amended; clause 7-1, Annex 12
 * items 3, 7 and 9). Every ASP-specific fact a channel, a query or a page needs is read from here.
 */
import { MAIN_PATH, WORKFLOW_ROLES } from "../../domain/workflow";
import { REFUSAL_GROUNDS } from "../../domain/refusal";
import { STEPS } from "../../domain/application-draft";
import type { ServiceDefinition } from "../definition";

const ANNEX_12_ITEM_3 = "seed 000, Annex 12 item 3";

export const aspDefinition: ServiceDefinition = {
  key: "asp",
  nameKey: "services:asp.title",
  numberPrefix: "ASP",
  legalBasis: "seed 000: Rules for assigning and paying state targeted social assistance (clause 7-1, Annex 12)",
  inForce: { from: "2023-07-01", to: null },
  channels: [
    { channel: "portal", deadline: { days: 15, dayKind: "working" }, from: "application_day", basis: ANNEX_12_ITEM_3 },
    { channel: "proactive", deadline: { days: 15, dayKind: "working" }, from: "consent", basis: `${ANNEX_12_ITEM_3}; clause 6 (day of consent)` },
    { channel: "centre", deadline: { days: 15, dayKind: "working" }, from: "application_day", basis: ANNEX_12_ITEM_3 },
    { channel: "akim", deadline: { days: 18, dayKind: "working" }, from: "application_day", basis: ANNEX_12_ITEM_3 },
  ],
  checks: [
    { code: "completeness", nameKey: "apply:checks.completeness", basis: "seed 000, clause 7-1 sub-item 1" },
    { code: "no_prior_assistance", nameKey: "apply:checks.no_prior_assistance", basis: "seed 000, clause 7-1 sub-item 2 (ADR 012)" },
    { code: "one_settlement", nameKey: "apply:checks.one_settlement", basis: "seed 000, clause 7-1 sub-item 3" },
  ],
  priorAssistance: "registry_asp_records",
  refusalGrounds: Object.values(REFUSAL_GROUNDS).map((g) => ({
    code: g.code,
    item: g.item,
    legalKey: `decision:${g.legalKey}`,
    basis: `seed 000, Annex 12 item 9 sub-item ${g.item}`,
    ...(g.barMonths ? { barMonths: g.barMonths } : {}),
  })),
  // Seed 000 names no termination grounds for ASP; the Law's are outside the seeds (README, closing note).
  terminationGrounds: [],
  // Seed 000: paid monthly for the assigned period through the payment organisation the recipient chose.
  payments: { periodicity: "monthly" },
  workflow: { stages: MAIN_PATH, actors: WORKFLOW_ROLES },
  signers: ["head"],
  portalSteps: STEPS,
};
