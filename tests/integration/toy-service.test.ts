/**
 * A second service defined here alone — no file outside the test suite mentions it — is filed,
 * registered with its own prefix and counter, kept to one live case per person per service by the
 * database, looked up by 1414, and printed by `rules show`, without touching the ASP code (ADR 013).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { getOrCreateDraft } from "../../db/queries/applications";
import { staffAccounts } from "../../db/schema";
import { registerServiceDefinition, getService, serviceOfRegistrationNumber } from "../../app/services/registry";
import { RuleSetError, type ServiceDefinition } from "../../app/services/definition";
import { aspDefinition } from "../../app/services/asp/definition";
import { registerCase } from "../../app/services/register.server";
import { rulesInForce } from "../../app/services/rules";
import { parseLookupForm } from "../../app/callcenter/lookup-form";
import { lookUp } from "../../app/callcenter/lookup.server";
import { kzDate } from "../../app/domain/kz-time";
import { testIins } from "../support/people";
import { eq } from "drizzle-orm";

/** The toy: two channels, one counted in calendar days, no registry source, a rule set by district. */
const toy: ServiceDefinition = {
  key: "toy",
  nameKey: "services:local.title",
  numberPrefix: "TOY",
  legalBasis: "test suite only",
  inForce: { from: "2020-01-01", to: null },
  channels: [
    { channel: "portal", deadline: { days: 10, dayKind: "calendar" }, from: "application_day", basis: "test" },
    { channel: "centre", deadline: { days: 8, dayKind: "working" }, from: "application_day", basis: "test" },
  ],
  checks: [{ code: "completeness", nameKey: "apply:checks.completeness", basis: "test" }],
  priorAssistance: null,
  refusalGrounds: [{ code: "not_low_income", item: 1, legalKey: "decision:ground.not_low_income.legal", basis: "test" }],
  terminationGrounds: [],
  workflow: { stages: ["draft", "registered"], actors: ["applicant", "specialist"] },
  signers: ["head", "specialist"],
  portalSteps: ["review"],
  ruleSet: async ({ on, options }) => {
    if (options.kato !== "355200000") throw new RuleSetError(`no act of district ${options.kato} in force on ${on}`);
    return { act: { kato: options.kato, on } };
  },
};

const NOW = new Date("2026-11-23T06:00:00Z");
const [A, B, C] = testIins(3, 9500);

describe("a second service, defined in the test suite alone", () => {
  let fresh: FreshDb;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_toy_service" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { referenceDate: kzDate(NOW), generatedPersons: 0 });
    await seedAccounts(fresh.db);
    registerServiceDefinition(toy);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("is found by its key and by its numbers' prefix", () => {
    expect(getService("toy")).toBe(toy);
    expect(serviceOfRegistrationNumber("TOY26-000001")).toBe(toy);
    expect(serviceOfRegistrationNumber("ASP26-000001")).toBe(aspDefinition);
  });

  it("is filed on the portal beside an ASP draft of the same citizen", async () => {
    const toyDraft = await getOrCreateDraft(fresh.db, "toy", A, NOW);
    const aspDraft = await getOrCreateDraft(fresh.db, "asp", A, NOW);
    expect(toyDraft.service).toBe("toy");
    expect(aspDraft.service).toBe("asp");
    expect(toyDraft.id).not.toBe(aspDraft.id);
    expect((await getOrCreateDraft(fresh.db, "toy", A, NOW)).id).toBe(toyDraft.id);
  });

  it("is registered with its own prefix, counter and deadline kind; one live case per person per service", async () => {
    const toyDraft = await getOrCreateDraft(fresh.db, "toy", A, NOW);
    const common = { katoCode: "355230100", applicationDate: "2026-11-23", registeredBy: "system", now: NOW };
    const first = await registerCase(fresh.db, toy, { ...common, applicationId: toyDraft.id, applicantIin: A, channel: "portal", members: [{ iin: A, relation: "applicant" }, { iin: B, relation: "spouse" }] });
    expect(first).toMatchObject({ ok: true, registrationNumber: "TOY26-000001", dueDate: "2026-12-03" });
    // The same people may have a live ASP case at the same time: another service, another counter.
    const asp = await registerCase(fresh.db, aspDefinition, { ...common, applicantIin: A, channel: "centre", members: [{ iin: A, relation: "applicant" }, { iin: B, relation: "spouse" }] });
    expect(asp).toMatchObject({ ok: true, registrationNumber: "ASP26-000001" });
    // But not a second live toy case with one of them: the database says no.
    const again = await registerCase(fresh.db, toy, { ...common, applicantIin: C, channel: "centre", members: [{ iin: C, relation: "applicant" }, { iin: B, relation: "parent" }] });
    expect(again).toMatchObject({ ok: false, reason: "member_in_active_case", iins: [B] });
    const second = await registerCase(fresh.db, toy, { ...common, applicantIin: C, channel: "centre", members: [{ iin: C, relation: "applicant" }] });
    expect(second).toMatchObject({ ok: true, registrationNumber: "TOY26-000002", dueDate: "2026-12-03" });
    const journal = await fresh.query<{ registration_number: string; service: string }>(`select registration_number, service from registration_journal order by registration_number`);
    expect(journal).toEqual([
      { registration_number: "ASP26-000001", service: "asp" },
      { registration_number: "TOY26-000001", service: "toy" },
      { registration_number: "TOY26-000002", service: "toy" },
    ]);
  });

  it("a channel the service does not have registers nothing", async () => {
    await expect(registerCase(fresh.db, toy, { katoCode: "355230100", applicationDate: "2026-11-23", registeredBy: "system", now: NOW, applicantIin: C, channel: "akim", members: [{ iin: C, relation: "applicant" }] }))
      .rejects.toThrow(/no channel "akim"/);
  });

  it("is looked up by 1414 by its registration number", async () => {
    const parsed = parseLookupForm({ callReference: "CALL-TOY-1", iin: "", number: "toy26-000001", speak: "ru" }, "ru");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [agent] = await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, "cc.agent"));
    const outcome = await lookUp(fresh.db, { agent: { id: agent.id, role: agent.role }, callReference: parsed.value.callReference, query: parsed.value.query, language: "ru", now: NOW, maxPerMinute: 20 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary.subject).toBeTruthy();
    expect(JSON.stringify(outcome.summary)).toContain("TOY26-000001");
  });

  it("`rules show toy` prints its channels with their day kinds, and passes --kato to its rule set", async () => {
    const rules = await rulesInForce({ key: "toy", on: "2026-11-23", options: { kato: "355200000" } });
    expect(rules.channels).toEqual([
      { channel: "portal", deadline: { days: 10, dayKind: "calendar" }, from: "application_day", basis: "test" },
      { channel: "centre", deadline: { days: 8, dayKind: "working" }, from: "application_day", basis: "test" },
    ]);
    expect(rules.signers).toEqual(["head", "specialist"]);
    expect(rules.act).toEqual({ kato: "355200000", on: "2026-11-23" });
    await expect(rulesInForce({ key: "toy", on: "2026-11-23", options: { kato: "111111111" } })).rejects.toThrow(RuleSetError);
  });
});
