/**
 * Holiday and by-list payments on the real database (issue 14, ADR 017): generation is one statement
 * per category and idempotent, review adds and excludes with reasons, the head's approval creates one
 * decision per recipient and one grant per category, two approvals at once grant once, the database
 * refuses a second grant for the same occasion and category, and SMS go out in each person's language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedReferenceData } from "../../db/seed/load";
import { seedAccounts } from "../../db/seed/accounts";
import { insertListPopulation, populationIin } from "../../db/seed/list-population";
import { addEntry, approvalFacts, approvalPayload, approveList, excludeEntry, findList, generateList, ListError, markReviewed } from "../../app/lists/lists.server";
import { testListRules } from "../support/list-rules";
import { outcome, postForm, requestAs, sessionCookie } from "../support/session";
import * as listsIndex from "../../app/routes/staff.lists._index";
import * as listRoute from "../../app/routes/staff.lists.$id";
import * as approveRoute from "../../app/routes/staff.lists.$id_.approve";
import * as grantRoute from "../../app/routes/cabinet.grants.$id";

const NURA_DISTRICT = "355200000";
const NURA = "355230100";
const AKZHAR = "593430100";
const now = new Date("2026-04-27T05:00:00Z");
const rules = testListRules();
const signature = { jws: "test.jws.sig", iin: "880211340018", commonName: "Бекмуханов Нурлан", serialNumber: "01" };

describe("holiday lists", () => {
  let fresh: FreshDb;
  let head: number;
  let specialist: number;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => fresh.query<T>(text, params);
  const errorOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return error instanceof ListError ? error.key : String((error as { code?: string }).code ?? error);
    }
    return null;
  };
  const generate = (subject: string, year = 2026, kind: "holiday" | "needs" = "holiday") =>
    generateList(fresh.db, { rules, districtKato: NURA_DISTRICT, kind, subject, year, staffId: specialist, now });
  const approve = async (listId: number, decidedOn = "2026-04-27") => {
    const list = (await findList(fresh.db, listId))!;
    const payload = approvalPayload(await approvalFacts(fresh.db, list, decidedOn));
    return approveList(fresh.db, { rules, listId, staffId: head, decidedOn, postedPayload: payload, signature, now });
  };

  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await fresh.db.transaction((tx) => seedReferenceData(tx));
    await seedAccounts(fresh.db);
    [{ id: head }] = await q<{ id: number }>(`select id from staff_accounts where login = 'nura.head'`);
    [{ id: specialist }] = await q<{ id: number }>(`select id from staff_accounts where login = 'nura.specialist'`);
    // 1,000 Nura residents (every 10th without a pension), 300 in Akzhar with the same facts.
    const facts = [
      { kind: "wwii_minor_prisoner", every: 50 },
      { kind: "leningrad_siege_worker", every: 40, offset: 7 },
      { kind: "home_front_award", every: 20 },
      { kind: "combat_veteran", every: 25, offset: 3 },
    ];
    await insertListPopulation(fresh.db, { count: 1000, prefix: "71", katoCode: NURA, day: "2026-10-01", withoutPensionEvery: 7, facts });
    await insertListPopulation(fresh.db, { count: 300, prefix: "72", katoCode: AKZHAR, day: "2026-10-01", withoutPensionEvery: 7, facts });
    // A dead person and an expired fact are not listed; a phone for a Kazakh- and a Russian-speaker.
    await q(`update registry.persons set death_date = '2026-01-10' where iin = $1`, [populationIin("71", 100)]);
    await q(`update registry.person_facts set valid_to = '2025-12-31' where iin = $1 and kind = 'home_front_award'`, [populationIin("71", 120)]);
    await q(`insert into registry.mobile_numbers (iin, phone) values ($1, '+77017770001'), ($2, '+77017770002')`, [populationIin("71", 300), populationIin("71", 200)]);
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("generates the 9 May list: one statement per category, residents of the district who draw a pension, with the facts it used", async () => {
    const result = await generate("05-09");
    expect(result.created).toBe(true);
    // Counts by the population's arithmetic: g % every = offset, minus those without a pension (g % 7 = 0), the dead and the expired.
    const expected = (every: number, offset = 0, minus: number[] = []) =>
      Array.from({ length: 1000 }, (_, i) => i + 1).filter((g) => g % every === offset && g % 7 !== 0 && !minus.includes(g)).length;
    expect(result.progress).toEqual([
      { code: "7.5.3", done: true, total: expected(50, 0, [100]), added: expected(50, 0, [100]) },
      { code: "7.5.5", done: true, total: expected(40, 7), added: expected(40, 7) },
      { code: "7.5.6", done: true, total: expected(20, 0, [100, 120]), added: expected(20, 0, [100, 120]) },
    ]);
    const [entry] = await q<{ source_facts: { kind: string }[]; amount_tenge: number }>(
      `select source_facts, amount_tenge from local_list_entries where iin = $1 and category_code = '7.5.5'`, [populationIin("71", 47)],
    );
    expect(entry.amount_tenge).toBe(200000);
    expect(entry.source_facts.map((f) => f.kind)).toEqual(["leningrad_siege_worker", "pension_recipient"]);
    const [{ n }] = await q<{ n: number }>(`select count(*)::int n from local_list_entries e where e.iin like '72%'`);
    expect(n).toBe(0);
  });

  it("generating again creates nothing new", async () => {
    const [{ before }] = await q<{ before: number }>(`select count(*)::int before from local_list_entries`);
    const again = await generate("05-09");
    expect(again.created).toBe(false);
    expect(again.added).toBe(0);
    expect(again.progress.every((p) => p.added === 0)).toBe(true);
    const [{ after }] = await q<{ after: number }>(`select count(*)::int after from local_list_entries`);
    expect(after).toBe(before);
    const [{ lists }] = await q<{ lists: number }>(`select count(*)::int lists from local_lists`);
    expect(lists).toBe(1);
  });

  it("review: bad input changes nothing; add by IIN and exclude, each with a reason", async () => {
    const list = (await q<{ id: number }>(`select id::int from local_lists where subject = '05-09'`))[0].id;
    const [{ before }] = await q<{ before: number }>(`select count(*)::int before from local_list_entries`);
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: "000000000000", categoryCode: "7.5.3", reason: "архив", staffId: specialist }))).toBe("unknownPerson");
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: populationIin("71", 47), categoryCode: "7.5.5", reason: "повтор", staffId: specialist }))).toBe("alreadyInList");
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: populationIin("72", 50), categoryCode: "7.5.3", reason: "другой район", staffId: specialist }))).toBe("notResident");
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: populationIin("71", 47), categoryCode: "8.10", reason: "не та", staffId: specialist }))).toBe("categoryNotInList");
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: populationIin("71", 350), categoryCode: "7.5.3", reason: " ", staffId: specialist }))).toBe("reason");
    const [{ after }] = await q<{ after: number }>(`select count(*)::int after from local_list_entries`);
    expect(after).toBe(before);

    // The 350th person is a minor prisoner without a pension in the registry: added by hand with the archive's certificate.
    await addEntry(fresh.db, { rules, listId: list, iin: populationIin("71", 350), categoryCode: "7.5.3", reason: "справка архива № 12", staffId: specialist });
    const [excluded] = await q<{ id: number }>(`select id::int from local_list_entries where iin = $1 and category_code = '7.5.6'`, [populationIin("71", 160)]);
    await excludeEntry(fresh.db, { listId: list, entryId: excluded.id, reason: "выехал за пределы района", staffId: specialist, now });
    expect(await errorOf(() => excludeEntry(fresh.db, { listId: list, entryId: excluded.id, reason: "ещё раз", staffId: specialist, now }))).toBe("notFound");
    // Generating again does not bring the excluded person back.
    expect((await generate("05-09")).added).toBe(0);
    const [row] = await q<{ excluded_reason: string }>(`select excluded_reason from local_list_entries where id = $1`, [excluded.id]);
    expect(row.excluded_reason).toBe("выехал за пределы района");
  });

  it("approval creates one decision per recipient, one grant per category, the SMS; a person in two categories gets both amounts", async () => {
    const list = (await q<{ id: number }>(`select id::int from local_lists where subject = '05-09'`))[0].id;
    expect(await errorOf(() => approve(list))).toBe("notReviewed");
    await markReviewed(fresh.db, { listId: list, staffId: specialist, now });
    const stale = await errorOf(async () => {
      const l = (await findList(fresh.db, list))!;
      const facts = await approvalFacts(fresh.db, l, "2026-04-27");
      return approveList(fresh.db, { rules, listId: list, staffId: head, decidedOn: "2026-04-27", postedPayload: approvalPayload({ ...facts, totalTenge: 1 }), signature, now });
    });
    expect(stale).toBe("stale");
    const result = await approve(list);
    const [{ recipients, lines }] = await q<{ recipients: number; lines: number }>(
      `select count(distinct iin)::int recipients, count(*)::int lines from local_list_entries where list_id = $1 and excluded_at is null`, [list],
    );
    expect(result).toMatchObject({ decisions: recipients, grants: lines, sms: 2 });
    // Person 300 is in two 9 May categories (7.5.3 and 7.5.6): one decision, both amounts (ADR 017); person 350 was added by hand.
    const decisionOf = (g: number) =>
      q<{ total_tenge: number; n: number }>(
        `select d.total_tenge, (select count(*)::int from local_grants g where g.decision_id = d.id) n from local_decisions d where d.iin = $1`, [populationIin("71", g)],
      );
    expect(await decisionOf(300)).toEqual([{ total_tenge: 300000, n: 2 }]);
    expect(await decisionOf(350)).toEqual([{ total_tenge: 200000, n: 1 }]);
    expect(await decisionOf(160)).toEqual([]); // excluded
    const [grant] = await q<Record<string, unknown>>(`select * from local_grants where recipient_iin = $1`, [populationIin("71", 47)]);
    expect(grant).toMatchObject({ amount_tenge: 200000, decision_date: expect.anything(), payment_date: expect.anything(), category_code: "7.5.5" });
    expect(String(grant.decision_number)).toMatch(new RegExp(`^L${list}-\\d{6}$`));
    const sms = await q<{ language: string; body: string; purpose: string }>(`select language, body, purpose from sms_messages order by phone`);
    expect(sms).toEqual([
      { language: "kk", purpose: "decision", body: expect.stringMatching(/^Komek: сізге 9 мамыр күніне орай әлеуметтік көмек тағайындалды: 300 000 тг, шешім № L\d+-\d{6}\. Төлем 05\.05\.2026 дейін\.$/) },
      { language: "ru", purpose: "decision", body: expect.stringMatching(/^Komek: вам назначена социальная помощь к 9 мая: 300 000 тг, решение № L\d+-\d{6}\. Выплата до 05\.05\.2026\.$/) },
    ]);
    // Approved: nothing changes any more, and generating again creates nothing new.
    expect(await errorOf(() => approve(list))).toBe("approved");
    expect(await errorOf(() => addEntry(fresh.db, { rules, listId: list, iin: populationIin("71", 1), categoryCode: "7.5.3", reason: "поздно", staffId: specialist }))).toBe("approved");
    const [{ grants }] = await q<{ grants: number }>(`select count(*)::int grants from local_grants`);
    expect((await generate("05-09")).added).toBe(0);
    const [{ grantsAfter }] = await q<{ grantsAfter: number }>(`select count(*)::int "grantsAfter" from local_grants`);
    expect(grantsAfter).toBe(grants);
  });

  it("a person in two categories of one occasion is granted each in full, in one decision (ADR 017)", async () => {
    // Person 53 is a combat veteran (every 25th from 3) who draws a pension; on 25 October they are also in a disability category.
    const iin = populationIin("71", 53);
    await q(`insert into registry.person_facts (iin, kind, value, valid_from, source) values ($1, 'disability', '2', '2010-01-01', 'test')`, [iin]);
    const base = rules.categories[0];
    const two = {
      ...rules,
      categories: [
        { ...base, code: "7.8.1", occasion: "10-25", nameRu: "Ветераны боевых действий", nameKk: "Ұрыс қимылдарының ардагерлері", amount: { unit: "KZT" as const, value: 30000, upTo: false }, eligibility: { fact: "combat_veteran" } },
        { ...base, code: "7.8.2", occasion: "10-25", nameRu: "Лица с инвалидностью", nameKk: "Мүгедектігі бар адамдар", amount: { unit: "KZT" as const, value: 20000, upTo: false }, eligibility: { fact: "disability", in: ["1", "2", "3"] } },
      ],
    };
    const result = await generateList(fresh.db, { rules: two, districtKato: NURA_DISTRICT, kind: "holiday", subject: "10-25", year: 2026, staffId: specialist, now });
    await markReviewed(fresh.db, { listId: result.listId, staffId: specialist, now });
    const list = (await findList(fresh.db, result.listId))!;
    await approveList(fresh.db, { rules: two, listId: list.id, staffId: head, decidedOn: "2026-10-12", postedPayload: approvalPayload(await approvalFacts(fresh.db, list, "2026-10-12")), signature, now });
    const rows = await q<{ total_tenge: number; codes: string[] }>(
      `select d.total_tenge, array_agg(g.category_code order by g.category_code) codes from local_decisions d join local_grants g on g.decision_id = d.id where d.iin = $1 and d.list_id = $2 group by d.id`,
      [iin, list.id],
    );
    expect(rows).toEqual([{ total_tenge: 50000, codes: ["7.8.1", "7.8.2"] }]);
  });

  it("the database refuses a second grant for the same occasion and category", async () => {
    const [g] = await q<Record<string, unknown>>(`select * from local_grants where subject = '05-09' limit 1`);
    const error = await errorOf(() =>
      q(
        `insert into local_grants (decision_id, list_id, entry_id, recipient_iin, district_kato, kind, subject, period, category_code, amount_tenge, decision_number, decision_date, payment_date, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'X-1', $11, $12, now())`,
        [g.decision_id, g.list_id, g.entry_id, g.recipient_iin, g.district_kato, g.kind, g.subject, g.period, g.category_code, g.amount_tenge, g.decision_date, g.payment_date],
      ),
    );
    expect(error).toBe("23505");
    // Grants and decisions are append-only.
    expect(await errorOf(() => q(`update local_grants set amount_tenge = 1 where id = $1`, [g.id]))).not.toBeNull();
  });

  // Two transactions at once need two connections: PostgreSQL only (PGlite has one).
  it.skipIf(!process.env.DATABASE_URL)("two approvals at once: one succeeds, the other is refused, every line is granted once", async () => {
    const result = await generate("10-01", 2026);
    expect(result.added).toBeGreaterThan(0);
    await markReviewed(fresh.db, { listId: result.listId, staffId: specialist, now });
    const outcomes = await Promise.allSettled([approve(result.listId, "2026-09-21"), approve(result.listId, "2026-09-21")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ListError);
    expect((failed.reason as ListError).key).toBe("approved");
    const [{ lines, grants }] = await q<{ lines: number; grants: number }>(
      `select (select count(*)::int from local_list_entries where list_id = $1 and excluded_at is null) lines, (select count(*)::int from local_grants where list_id = $1) grants`,
      [result.listId],
    );
    expect(grants).toBe(lines);
  });

  it("an MRP category (8.10) is valued with the decision year's МРП", async () => {
    const result = await generate("8.10", 2026, "needs");
    const list = (await findList(fresh.db, result.listId))!;
    expect(list.period).toBe("2026/2027");
    await markReviewed(fresh.db, { listId: list.id, staffId: specialist, now });
    await approveList(fresh.db, { rules, listId: list.id, staffId: head, decidedOn: "2026-10-05", postedPayload: approvalPayload(await approvalFacts(fresh.db, list, "2026-10-05")), signature, now });
    const amounts = await q<{ amount_tenge: number }>(`select distinct amount_tenge from local_grants where list_id = $1`, [list.id]);
    expect(amounts).toEqual([{ amount_tenge: 12 * 4325 }]);
  });

  describe("the pages", () => {
    const call = (route: { loader?: unknown; action?: unknown }, kind: "loader" | "action", request: Request, params: Record<string, string> = {}) =>
      outcome(() => (route[kind] as (a: unknown) => Promise<unknown>)({ request, params, context: {} }));

    it("no act in force on the day: a plain warning, and generating is refused with it", async () => {
      process.env.KOMEK_TODAY = "2026-12-03";
      try {
        const cookie = await sessionCookie({ kind: "staff", staffId: specialist });
        const page = await call(listsIndex, "loader", requestAs(cookie, "/staff/lists"));
        expect(page.status).toBe(200);
        expect(page.body).toMatchObject({ act: null, choices: [], day: "2026-12-03" });
        const posted = await call(listsIndex, "action", await postForm(cookie, "/staff/lists", { what: "holiday:05-09", year: "2026", half: "1" }));
        expect(posted).toMatchObject({ status: 409, body: { errors: { what: "lists:errors.noAct" } } });
      } finally {
        delete process.env.KOMEK_TODAY;
      }
    });

    it("with the Nura act in force: bad input is refused and changes nothing; generation answers with the list page", async () => {
      process.env.KOMEK_TODAY = "2026-04-27";
      try {
        const cookie = await sessionCookie({ kind: "staff", staffId: specialist });
        const page = await call(listsIndex, "loader", requestAs(cookie, "/staff/lists"));
        expect((page.body as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain("holiday:05-09");
        const [{ before }] = await q<{ before: number }>(`select count(*)::int before from local_lists`);
        expect(await call(listsIndex, "action", await postForm(cookie, "/staff/lists", { what: "holiday:13-40", year: "2026" }))).toMatchObject({ status: 400 });
        expect(await call(listsIndex, "action", await postForm(cookie, "/staff/lists", { what: "holiday:05-09", year: "19" }))).toMatchObject({ status: 400, body: { errors: { year: "lists:errors.year" } } });
        expect(await call(listsIndex, "action", await postForm(cookie, "/staff/lists", { what: "holiday:06-01", year: "2026" }))).toMatchObject({ status: 400, body: { errors: { what: "lists:errors.noCategories" } } });
        const [{ after }] = await q<{ after: number }>(`select count(*)::int after from local_lists`);
        expect(after).toBe(before);
        // Without the CSRF token nothing happens.
        const forged = requestAs(cookie, "/staff/lists", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "what=holiday%3A05-07&year=2026" });
        expect((await call(listsIndex, "action", forged)).status).toBe(403);
        const made = await call(listsIndex, "action", await postForm(cookie, "/staff/lists", { what: "holiday:05-07", year: "2026" }));
        expect(made.status).toBe(302);
        expect(made.location).toMatch(/^\/staff\/lists\/\d+$/);
        // Generation goes on in the background; the list page shows its progress until it has finished.
        const id = Number(made.location!.split("/").pop());
        for (let i = 0; i < 100; i++) {
          const [row] = await q<{ done: boolean }>(`select generation_finished_at is not null as done from local_lists where id = $1`, [id]);
          if (row.done) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const view = await call(listRoute, "loader", requestAs(cookie, `/staff/lists/${id}`), { id: String(id) });
        expect(view.body).toMatchObject({ finished: true, status: "generated" });
      } finally {
        delete process.env.KOMEK_TODAY;
      }
    });

    it("another district's staff and another citizen get 'not found'; the commission may read but not approve", async () => {
      const [{ id: akzhar }] = await q<{ id: number }>(`select id::int from staff_accounts where login = 'akzhar.specialist'`);
      const [{ id: list }] = await q<{ id: number }>(`select id::int from local_lists where subject = '05-09'`);
      const other = await sessionCookie({ kind: "staff", staffId: akzhar });
      expect((await call(listRoute, "loader", requestAs(other, `/staff/lists/${list}`), { id: String(list) })).status).toBe(404);
      const spec = await sessionCookie({ kind: "staff", staffId: specialist });
      expect((await call(approveRoute, "loader", requestAs(spec, `/staff/lists/${list}/approve`), { id: String(list) })).status).toBe(403);
      const [{ id: decision, iin }] = await q<{ id: number; iin: string }>(`select id::int, iin from local_decisions where list_id = $1 order by id limit 1`, [list]);
      await q(`insert into citizen_accounts (iin) values ($1), ($2)`, [iin, populationIin("72", 1)]);
      const owner = await sessionCookie({ kind: "citizen", iin });
      const mine = await call(grantRoute, "loader", requestAs(owner, `/cabinet/grants/${decision}`), { id: String(decision) });
      expect(mine.status).toBe(200);
      expect((mine.body as { title: string }).title).toMatch(/^Решение № L\d+-\d{6} об оказании социальной помощи$/);
      const stranger = await sessionCookie({ kind: "citizen", iin: populationIin("72", 1) });
      expect((await call(grantRoute, "loader", requestAs(stranger, `/cabinet/grants/${decision}`), { id: String(decision) })).status).toBe(404);
    });
  });
});
