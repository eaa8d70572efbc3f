import { ASP_REGISTRATION } from "../support/registration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedAccounts } from "../../db/seed/accounts";
import { registerApplication } from "../../db/queries/applications";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { staffAccounts } from "../../db/schema";
import { NURA_DISTRICT_PREFIX, AKZHAR_DISTRICT_PREFIX } from "../../db/seed/kato";
import { loader as staffHome } from "../../app/routes/staff._index";
import { loader as caseLoader } from "../../app/routes/staff.cases.$id";
import { loader as applicationLoader } from "../../app/routes/applications.$id._index";
import { testIins } from "../support/people";
import { outcome, requestAs, sessionCookie } from "../support/session";

describe("who may open what", () => {
  let fresh: FreshDb;
  let nuraCase: string;
  let akzharCase: string;
  let cookies: Record<string, string>;
  let applicants: string[];

  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await seedAccounts(fresh.db);
    applicants = testIins(3, 7800);
    const register = async (iin: string, kato: string) => {
      const r = await registerApplication(fresh.db, {
        ...ASP_REGISTRATION,
        applicantIin: iin, channel: "portal", members: [{ iin, relation: "applicant" }], katoCode: kato,
        applicationDate: "2026-11-23", dueDate: "2026-12-14", registeredBy: "system", now: new Date(),
      });
      if (!r.ok) throw new Error("setup failed");
      return r.applicationId;
    };
    nuraCase = await register(applicants[0], `${NURA_DISTRICT_PREFIX}00000`.slice(0, 9));
    akzharCase = await register(applicants[1], `${AKZHAR_DISTRICT_PREFIX}00000`.slice(0, 9));
    for (const iin of applicants) await ensureCitizenAccount(fresh.db, iin);
    const staffId = async (login: string) => (await fresh.db.select().from(staffAccounts).where(eq(staffAccounts.login, login)))[0].id;
    cookies = {
      citizen: await sessionCookie({ kind: "citizen", iin: applicants[0] }),
      otherCitizen: await sessionCookie({ kind: "citizen", iin: applicants[2] }),
      nuraSpecialist: await sessionCookie({ kind: "staff", staffId: await staffId("nura.specialist") }),
      akzharSpecialist: await sessionCookie({ kind: "staff", staffId: await staffId("akzhar.specialist") }),
      callcenter: await sessionCookie({ kind: "staff", staffId: await staffId("cc.agent") }),
    };
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("a citizen who opens a staff page is sent to the staff sign-in", async () => {
    const r = await outcome(() => staffHome({ request: requestAs(cookies.citizen, "/staff"), params: {}, context: {} }));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/staff\/login/);
  });

  it("a citizen cannot open a staff case page, even their own case", async () => {
    const r = await outcome(() => caseLoader({ request: requestAs(cookies.citizen, `/staff/cases/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/staff\/login/);
  });

  it("a specialist opens a case of their own district", async () => {
    const r = await outcome(() => caseLoader({ request: requestAs(cookies.nuraSpecialist, `/staff/cases/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(r.status).toBe(200);
  });

  it("a specialist of another district gets 404 for the case", async () => {
    const r = await outcome(() => caseLoader({ request: requestAs(cookies.akzharSpecialist, `/staff/cases/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(r.status).toBe(404);
    const own = await outcome(() => caseLoader({ request: requestAs(cookies.akzharSpecialist, `/staff/cases/${akzharCase}`), params: { id: akzharCase }, context: {} }));
    expect(own.status).toBe(200);
  });

  it("a call-centre agent cannot open staff case pages", async () => {
    const r = await outcome(() => caseLoader({ request: requestAs(cookies.callcenter, `/staff/cases/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(r.status).toBe(403);
  });

  it("a citizen sees their own application and gets 404 for someone else's id", async () => {
    const mine = await outcome(() => applicationLoader({ request: requestAs(cookies.citizen, `/applications/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(mine.status).toBe(200);
    const theirs = await outcome(() => applicationLoader({ request: requestAs(cookies.otherCitizen, `/applications/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(theirs.status).toBe(404);
    const garbage = await outcome(() => applicationLoader({ request: requestAs(cookies.citizen, `/applications/../../etc`), params: { id: "../../etc" }, context: {} }));
    expect(garbage.status).toBe(404);
  });

  it("without a session the cabinet pages send the visitor to sign in", async () => {
    const r = await outcome(() => applicationLoader({ request: requestAs(null, `/applications/${nuraCase}`), params: { id: nuraCase }, context: {} }));
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/login?redirectTo=${encodeURIComponent(`/applications/${nuraCase}`)}`);
  });
});
