/**
 * Registry facts of the demo citizens (registry.person_facts, issue 14): what the district rule sets
 * ask about. The local-assistance demo people have a disability, so they may apply on the portal
 * (seed 001 clause 2); the one above the threshold is refused on clause 12 ground 3.
 */
import type { NewPersonFact } from "../schema";
import { demoCitizens, type DemoScenario } from "./demo-people";

const MSE = "МСЭ (демо): сведения о группе инвалидности";

const FACTS: { scenario: DemoScenario; kind: NewPersonFact["kind"]; value: string | null; from: string; source: string }[] = [
  { scenario: "local_disability", kind: "disability_group", value: "2", from: "2019-04-01", source: MSE },
  { scenario: "local_e2e_ru", kind: "disability_group", value: "1", from: "2015-02-10", source: MSE },
  { scenario: "local_e2e_ru", kind: "pension_recipient", value: "disability", from: "2015-03-01", source: "ЕНПФ / ГЦВП (демо)" },
  { scenario: "local_e2e_kk", kind: "disability_group", value: "2", from: "2020-09-15", source: MSE },
  { scenario: "local_above_threshold", kind: "disability_group", value: "3", from: "2021-06-01", source: MSE },
  { scenario: "local_deciding_ru", kind: "disability_group", value: "2", from: "2018-05-14", source: MSE },
  { scenario: "local_deciding_kk", kind: "disability_group", value: "3", from: "2022-02-01", source: MSE },
  { scenario: "local_callcenter", kind: "disability_group", value: "2", from: "2018-11-12", source: MSE },
];

export function demoFactRows(): NewPersonFact[] {
  return FACTS.map((f) => {
    const c = demoCitizens.find((d) => d.scenario === f.scenario);
    if (!c) throw new Error(`no demo citizen for ${f.scenario}`);
    return { iin: c.iin, kind: f.kind, value: f.value, validFrom: f.from, validTo: null, source: f.source };
  });
}
