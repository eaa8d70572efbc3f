import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { getOrCreateDraft } from "../../db/queries/applications";
import { applications } from "../../db/schema";
import { action as membersAction, loader as membersLoader } from "../../app/routes/applications.$id.members";
import { action as paymentAction } from "../../app/routes/applications.$id.payment";
import { action as reviewAction } from "../../app/routes/applications.$id.review";
import { loader as applicantLoader } from "../../app/routes/applications.$id.applicant";
import { MAX_MEMBERS } from "../../app/domain/application-draft";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import { testIins } from "../support/people";

const IVAN = "820903340019";
const AIGERIM = "900512440017";

describe("the e-application refuses bad input with a clear message and changes nothing", () => {
  let fresh: FreshDb;
  let draftId: string;
  let ivan: string;
  let aigerim: string;

  const draftOf = async () => (await fresh.db.select().from(applications).where(eq(applications.id, draftId)))[0].draft;
  const addMember = async (iin: string, relation = "child") =>
    outcome(async () => membersAction({ request: await postForm(ivan, `/applications/${draftId}/members`, { intent: "add", iin, relation }), params: { id: draftId }, context: {} }));

  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 200 });
    await seedAccounts(fresh.db);
    draftId = (await getOrCreateDraft(fresh.db, "asp", IVAN, new Date())).id;
    ivan = await sessionCookie({ kind: "citizen", iin: IVAN });
    aigerim = await sessionCookie({ kind: "citizen", iin: AIGERIM });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it.each([
    ["an IIN with a bad check digit", "820903340018", "auth:errors.iinInvalid"],
    ["an IIN of 11 digits", "82090334001", "auth:errors.iinFormat"],
    ["a member not in the registry", "850314300013", "apply:errors.memberNotInHousehold"],
    ["a registry person outside the household", AIGERIM, "apply:errors.memberNotInHousehold"],
    ["the applicant as a member", IVAN, "apply:errors.memberIsApplicant"],
    ["script in the IIN field", "<script>alert(1)</script>", "auth:errors.iinFormat"],
  ])("%s", async (_name, iin, message) => {
    const before = await draftOf();
    const r = await addMember(iin);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errors: { iin: message } });
    expect(await draftOf()).toEqual(before);
  });

  it("a 1 MB IIN field is refused before anything reads the form, in ru and kk", async () => {
    const before = await draftOf();
    const request = await postForm(ivan, `/applications/${draftId}/members`, { intent: "add", iin: "9".repeat(1024 * 1024), relation: "child" });
    let thrown: unknown;
    try {
      await membersAction({ request, params: { id: draftId }, context: {} });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    const text = await (thrown as Response).text();
    expect(text).toContain("слишком длинное");
    expect(text).toContain("тым ұзын");
    expect(await draftOf()).toEqual(before);
  });

  it("an unknown relation is refused", async () => {
    const before = await draftOf();
    const r = await addMember(testIins(1, 7000, "2010-01-01")[0], "<b>boss</b>");
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errors: { relation: "apply:errors.relationRequired" } });
    expect(await draftOf()).toEqual(before);
  });

  it("the same member twice is refused the second time", async () => {
    const household = await fresh.query<{ iin: string }>(
      `select p.iin from registry.persons p where p.household_id = (select household_id from registry.persons where iin = $1) and p.iin <> $1 order by p.iin limit 1`,
      [IVAN],
    );
    // The household is pre-filled: its members are already in the list.
    const r = await addMember(household[0].iin);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errors: { iin: "apply:errors.memberDuplicate" } });
  });

  it(`a family of more than ${MAX_MEMBERS + 1} people is refused`, async () => {
    // Members come only from the registry household (issue 12), so the registry gets a household of
    // exactly MAX_MEMBERS + 1 people, and the draft starts from it.
    const [{ household_id: householdId }] = await fresh.query<{ household_id: number }>(`select household_id from registry.persons where iin = $1`, [IVAN]);
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from registry.persons where household_id = $1 and iin <> $2 and death_date is null`, [householdId, IVAN]);
    await fresh.query(
      `update registry.persons set household_id = $1, household_role = 'other'
        where iin in (select iin from registry.persons where household_id is distinct from $1 and death_date is null and iin <> $2 order by iin limit $3)`,
      [householdId, AIGERIM, MAX_MEMBERS - n],
    );
    await fresh.query(`update applications set draft = draft - 'members' - 'membersConfirmed' where id = $1`, [draftId]);
    const page = await outcome(() => membersLoader({ request: requestAs(ivan, `/applications/${draftId}/members`), params: { id: draftId }, context: {} }));
    expect((page.body as { members: unknown[] }).members).toHaveLength(MAX_MEMBERS);
    const before = await draftOf();
    const r = await addMember(AIGERIM);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ errors: { iin: expect.stringContaining("apply:errors.tooManyMembers") } });
    expect(await draftOf()).toEqual(before);
  });

  it("an IBAN with a wrong checksum, or someone else's account, is refused", async () => {
    const wrong = await outcome(async () =>
      paymentAction({ request: await postForm(ivan, "", { account: "other", iban: "KZ49 6010 0000 0001 2346" }), params: { id: draftId }, context: {} }),
    );
    expect(wrong.body).toMatchObject({ errors: { iban: "apply:errors.ibanChecksum" } });
    const [other] = await fresh.query<{ iban: string }>(`select iban from registry.bank_accounts where iin = $1 limit 1`, [AIGERIM]);
    const notOwn = await outcome(async () =>
      paymentAction({ request: await postForm(ivan, "", { account: "other", iban: other.iban }), params: { id: draftId }, context: {} }),
    );
    expect(notOwn.body).toMatchObject({ errors: { iban: "apply:errors.ibanNotOwn" } });
  });

  it("a submission whose signed data differs from the form is refused before the signature is even read", async () => {
    const r = await outcome(async () =>
      reviewAction({ request: await postForm(ivan, "", { payload: '{"tampered":true}', signature: "x.y.z" }), params: { id: draftId }, context: {} }),
    );
    expect(r.status).toBe(400);
    const [row] = await fresh.db.select().from(applications).where(eq(applications.id, draftId));
    expect(row.status).toBe("draft");
  });

  it("someone else's draft id reads as not found, for pages and for posts", async () => {
    const page = await outcome(() => applicantLoader({ request: requestAs(aigerim, `/applications/${draftId}/applicant`), params: { id: draftId }, context: {} }));
    expect(page.status).toBe(404);
    const before = await draftOf();
    const post = await outcome(async () =>
      membersAction({ request: await postForm(aigerim, "", { intent: "remove", iin: IVAN }), params: { id: draftId }, context: {} }),
    );
    expect(post.status).toBe(404);
    expect(await draftOf()).toEqual(before);
  });

  it("a post without the CSRF token is refused", async () => {
    const r = await outcome(() =>
      membersAction({
        request: requestAs(ivan, "", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ intent: "add", iin: "850314300013", relation: "child" }) }),
        params: { id: draftId },
        context: {},
      }),
    );
    expect(r.status).toBe(403);
  });
});
