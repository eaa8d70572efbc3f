/**
 * The kinds of registry facts (registry.person_facts.kind) a district's rule set may ask about
 * (issue 14). One list, read by the rule-set schema (app/services/local/rule-set.ts), the demo seed
 * and the list generator; a fact's `value` narrows it (the disability group, the benefit category…).
 * No imports: the browser bundle and the CLI read it alike.
 */
export const PERSON_FACT_KINDS = {
  /** Disability group: "1", "2", "3", or "child" (a child with disability under 18). Source: МСЭ. */
  disability_group: "values 1 | 2 | 3 | child",
  /** A category under the Law "On veterans" or the acts on benefits (value: BENEFIT_CATEGORIES). */
  benefit_category: "values BENEFIT_CATEGORIES",
  /** Active recipient of a pension (value: age | disability | survivor | service; null = any). */
  pension_recipient: "values age | disability | survivor | service",
  /** Active recipient of a state benefit (value: survivor | disability | multi_child | care; null = any). */
  benefit_recipient: "values survivor | disability | multi_child | care",
  /** Veteran under clause 1 of article 3 of the Law "On veterans" (value: wwii | combat | equal; null = any). */
  veteran: "values wwii | combat | equal",
  /** Individual programme of habilitation and rehabilitation with sanatorium treatment (ИПАР). */
  ipar_sanatorium: "no value",
  /** On the probation service's register after release from prison. */
  probation: "no value",
  /** On the dispensary register with a socially significant disease (value: SSD codes below). */
  socially_significant_disease: "values tuberculosis | cancer | hiv | dialysis | other",
  /** In in-patient treatment (value: the disease code, as above). */
  inpatient_treatment: "values as socially_significant_disease",
  /** The dwelling of the registered address has local (stove) heating. */
  stove_heating: "no value",
  /** The person and the family own (or rent) no other dwelling. */
  sole_dwelling: "no value",
  /** Multi-child family (value: the number of minor children living together). */
  multi_child: "value: number of minor children (4 or more)",
  /** Mother awarded «Алтын алқа», «Күміс алқа», «Мать-героиня» or «Материнская слава» I/II. */
  mother_heroine: "no value",
  /** Pre-retirement age (within two years of the pension age). */
  pre_pension_age: "no value",
  /** Single-parent family. */
  single_parent_family: "no value",
  /** On the parent (the fee payer): a child attends a preschool organisation of the district (value: the organisation's BIN). */
  preschool_child: "value: BIN of the organisation",
  /** The monthly parents' fee for a child in a preschool organisation, in tenge (8.7; the education department's file, ADR 024). */
  preschool_fee: "value: tenge a month",
  /**
   * Local assistance the district already assigned or paid outside Komek (its register of assignments
   * before Komek, or another channel), for clause 12 ground 4 (value: "<district KATO>:<category code>";
   * valid_from: the day it was assigned).
   */
  local_assistance: "value: district KATO:category code",
  /** Lives in a state medical and social institution (termination ground 3). */
  medical_social_institution: "no value",
} as const;

export type PersonFactKind = keyof typeof PERSON_FACT_KINDS;
export const PERSON_FACT_KIND_LIST = Object.keys(PERSON_FACT_KINDS) as PersonFactKind[];

/**
 * Values of `benefit_category`: the groups of the Law "On veterans" and of the acts on victims of
 * radiation and political repression that the typical rules (decree № 523) name.
 */
export const BENEFIT_CATEGORIES = [
  "afghan_veteran", // took part in combat in Afghanistan or other states (USSR forces, KGB, MVD)
  "afghan_fallen_family", // family of a serviceman killed, missing or dead of wounds in Afghanistan or other states
  "afghan_disabled", // disability from wounds, contusion, injury in defence of the USSR, in Afghanistan or other states
  "afghan_reservist", // reservists called up for training and sent to Afghanistan during combat
  "chernobyl_liquidator", // liquidation of Chernobyl 1986–1987, other radiation disasters, nuclear tests
  "radiation_disabled", // disability from Chernobyl or other radiation disasters, nuclear tests; their children
  "combat_veteran", // veteran of combat on the territory of other states
  "tajik_border", // Kazakhstan servicemen on the Tajik-Afghan border, September 1992 – February 2001
  "iraq_peacekeeper", // peacekeepers in Iraq, August 2003 – October 2008
  "karabakh", // settlement of the Nagorno-Karabakh conflict, 1986–1991
  "public_order_fallen_family", // family of servicemen who died keeping public order in emergencies
  "peacetime_fallen_family", // family of servicemen who died in peacetime service
  "minor_prisoner", // minor prisoners of concentration camps and ghettos of World War II
  "wwii_widow", // spouse (not remarried) of a dead disabled WWII veteran, participant, partisan, Leningrad defender
  "leningrad_blockade", // worked in besieged Leningrad, medal «За оборону Ленинграда» / «Жителю блокадного Ленинграда»
  "home_front_awarded", // awarded orders and medals of the USSR for labour and service in the rear during WWII
  "home_front_worker", // worked at least six months 22.06.1941 – 09.05.1945 without such awards
  "rehabilitated_1986", // rehabilitated, prosecuted for the events of 17–18 December 1986
  "repressed_1986", // repressed for the events of 17–18 December 1986
] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];
