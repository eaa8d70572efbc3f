/**
 * Issue 13, defect 9: the poverty line the citizen is shown on the incomes step is the one the
 * specialist's computation uses — the application year (the filing day, not the UTC year) and the
 * region of the family's settlement — because both ask db/queries/parameters.ts parametersForApplication.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { demoCitizens } from "../../db/seed/demo-people";
import { getOrCreateDraft } from "../../db/queries/applications";
import { parametersForApplication } from "../../db/queries/parameters";
import { yearlyParameters } from "../../db/schema";
import { registryGateway } from "../../db/queries/registry";
import { loader as incomesLoader } from "../../app/routes/applications.$id.incomes";
import { outcome, requestAs, sessionCookie } from "../support/session";

const APPLICANT = demoCitizens.find((c) => c.scenario === "eligible_portal")!;
// 20:00 UTC on Wednesday 31 December 2025 is 01:00 on Thursday 1 January 2026 in Astana, a holiday:
// the UTC year is 2025, the application would be accepted on the first working day of 2026.
const NEW_YEAR_NIGHT = new Date("2025-12-31T20:00:00Z");
const REGIONAL_LINE = 41_234;

describe("the poverty line on the citizen's incomes step", () => {
  let fresh: FreshDb;
  let region: string;

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_poverty_line" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { referenceDate: "2026-01-05", generatedPersons: 20 });
    await seedAccounts(fresh.db);
    const [registration] = (await registryGateway(fresh.db).getRegistrations([APPLICANT.iin])).filter((r) => !r.validTo);
    region = `${registration!.settlementKato.slice(0, 2)}0000000`;
    await fresh.db.insert(yearlyParameters).values({
      year: 2026, regionKato: region, mrp: 4325, subsistenceMinimum: 58906, povertyLineShare: "0.700", povertyLine: REGIONAL_LINE, source: "test: a regional line",
    });
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await fresh.drop();
  });

  it("is the regional line of the application year the specialist will use, not the national line of the UTC year", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NEW_YEAR_NIGHT });
    try {
      const draftId = (await getOrCreateDraft(fresh.db, "asp", APPLICANT.iin, new Date())).id;
      const cookie = await sessionCookie({ kind: "citizen", iin: APPLICANT.iin });
      const r = await outcome(() => incomesLoader({ request: requestAs(cookie, `/applications/${draftId}/incomes`), params: { id: draftId }, context: {} }));
      expect(r.status).toBe(200);
      const shown = (r.body as { povertyLine: { year: number; amount: number } | null }).povertyLine;
      expect(shown).toEqual({ year: 2026, amount: REGIONAL_LINE });
      // The staff's computation asks the same question of a case registered that day in that settlement.
      const staff = await parametersForApplication(fresh.db, { applicationDate: "2026-01-05", katoCode: `${region.slice(0, 2)}1234567` });
      expect(staff.parameters?.povertyLine).toBe(shown!.amount);
    } finally {
      vi.useRealTimers();
    }
  });
});
