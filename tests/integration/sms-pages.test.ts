import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { demoCitizens } from "../../db/seed/demo-people";
import { ensureCitizenAccount } from "../../db/queries/accounts";
import { resetEnv } from "../../app/env.server";
import { loader as devIndex, action as devScanAction } from "../../app/routes/dev.sms._index";
import { loader as devPhone, action as devReplyAction } from "../../app/routes/dev.sms.$phone";
import { loader as offerLoader, action as offerAction } from "../../app/routes/cabinet.offer";
import { action as inboundAction } from "../../app/routes/sms.inbound";
import { csrfFor, outcome, sessionCookie } from "../support/session";

const ru = demoCitizens.find((c) => c.scenario === "proactive_ru")!;
const kk = demoCitizens.find((c) => c.scenario === "proactive_kk")!;

const csrf = csrfFor;

function post(url: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

describe("the SMS pages: /dev/sms and the offer in the cabinet", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_sms_pages" });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 0 });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.stubEnv("TZ", "UTC");
    resetEnv();
  });
  afterAll(async () => {
    await fresh.drop();
  });

  const offerState = async (phone: string) =>
    (await fresh.query<{ stage: string; unclear: number }>(`select stage, (state->>'unclearCount')::int as unclear from proactive_offers where phone = $1`, [phone]))[0];

  it("/dev/sms runs the scan and lists the numbers written to", async () => {
    const { token, cookie } = await csrf(null);
    const scanned = await outcome(() => devScanAction(args(post("/dev/sms", cookie, { csrf: token }))));
    expect(scanned.body).toMatchObject({ scan: { offersCreated: expect.any(Number) } });
    const page = (await devIndex(args(new Request("http://localhost/dev/sms")))) as { phones: { phone: string }[] };
    expect(page.phones.map((p) => p.phone)).toContain(ru.phone);
  });

  it("a reply typed on /dev/sms goes through the signed inbound path and moves the dialogue", async () => {
    const { token, cookie } = await csrf(null);
    const digits = ru.phone!.slice(1);
    const replied = await outcome(() => devReplyAction(args(post(`/dev/sms/${digits}`, cookie, { csrf: token, reply: "да" }), { phone: digits })));
    expect(replied).toMatchObject({ status: 302, location: `/dev/sms/${digits}` });
    expect((await offerState(ru.phone!)).stage).toBe("awaiting_payment");
    const page = (await devPhone(args(new Request(`http://localhost/dev/sms/${digits}`), { phone: digits }))) as { messages: { direction: string; body: string }[] };
    expect(page.messages.map((m) => m.direction)).toEqual(["out", "in", "out"]);
    expect(page.messages[1].body).toBe("да");
  });

  it("an empty reply on /dev/sms is an error the page can show", async () => {
    const { token, cookie } = await csrf(null);
    const digits = ru.phone!.slice(1);
    const result = await outcome(() => devReplyAction(args(post(`/dev/sms/${digits}`, cookie, { csrf: token, reply: "  " }), { phone: digits })));
    expect(result).toMatchObject({ status: 400, body: { errors: { reply: "smsui:dev.errors.replyRequired" } } });
  });

  it("/dev/sms does not exist once Twilio is configured", async () => {
    vi.stubEnv("TWILIO_ACCOUNT_SID", `AC${"1".repeat(32)}`);
    vi.stubEnv("TWILIO_FROM", "+15005550006");
    resetEnv();
    expect((await outcome(() => devIndex(args(new Request("http://localhost/dev/sms"))))).status).toBe(404);
    const digits = ru.phone!.slice(1);
    expect((await outcome(() => devPhone(args(new Request(`http://localhost/dev/sms/${digits}`), { phone: digits })))).status).toBe(404);
  });

  it("the route POST /sms/inbound refuses an unsigned request", async () => {
    const request = new Request("http://localhost/sms/inbound", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MessageSid: "SM1", From: ru.phone!, Body: "1" }),
    });
    const response = (await inboundAction(args(request))) as Response;
    expect(response.status).toBe(403);
  });

  it("the cabinet shows the citizen's offer and takes an answer once, however often the form is sent", async () => {
    await ensureCitizenAccount(fresh.db, kk.iin);
    const session = await sessionCookie({ kind: "citizen", iin: kk.iin });
    const { token, cookie } = await csrf(session);
    const page = (await offerLoader(args(new Request("http://localhost/cabinet/offer", { headers: { Cookie: cookie } })))) as {
      offer: { stage: string; open: boolean; messages: { body: string }[] };
      formId: string;
    };
    expect(page.offer).toMatchObject({ stage: "offered", open: true });
    expect(page.offer.messages[0].body).toContain("1414");
    for (let i = 0; i < 2; i++) {
      const answered = await outcome(() => offerAction(args(post("/cabinet/offer", cookie, { csrf: token, formId: page.formId, quick: "1" }))));
      expect(answered).toMatchObject({ status: 302, location: "/cabinet/offer" });
    }
    expect(await offerState(kk.phone!)).toEqual({ stage: "awaiting_payment", unclear: 0 });
    const [{ n }] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where provider_sid like 'cabinet:%'`);
    expect(n).toBe(1);
  });

  it("after consent the cabinet offers the payment menu as choices, and a choice is the SMS answer (issue 17, item 11)", async () => {
    const session = await sessionCookie({ kind: "citizen", iin: kk.iin });
    const { token, cookie } = await csrf(session);
    type Page = { offer: { stage: string; choices: { value: string; kind: string; name?: string }[] }; formId: string };
    const load = async () => (await offerLoader(args(new Request("http://localhost/cabinet/offer", { headers: { Cookie: cookie } })))) as Page;
    const menu = await load();
    expect(menu.offer.stage).toBe("awaiting_payment");
    const kinds = menu.offer.choices.map((c) => c.kind);
    expect(kinds).toContain("bank");
    expect(kinds).toContain("iban");
    // Nothing chosen: a clear error and no answer sent.
    const empty = await outcome(() => offerAction(args(post("/cabinet/offer", cookie, { csrf: token, formId: menu.formId, intent: "choice" }))));
    expect(empty.status).toBe(400);
    expect((await load()).offer.stage).toBe("awaiting_payment");
    const bank = menu.offer.choices.find((c) => c.kind === "bank")!;
    await outcome(() => offerAction(args(post("/cabinet/offer", cookie, { csrf: token, formId: menu.formId, intent: "choice", quick: bank.value }))));
    const list = await load();
    expect(list.offer.stage).toBe("awaiting_bank");
    expect(list.offer.choices.length).toBeGreaterThan(5);
    expect(list.offer.choices.every((c) => c.kind === "organisation" && c.name)).toBe(true);
  });

  it("a citizen without an offer sees that they have none", async () => {
    const other = demoCitizens.find((c) => c.scenario === "above_poverty_line")!;
    await ensureCitizenAccount(fresh.db, other.iin);
    const cookie = await sessionCookie({ kind: "citizen", iin: other.iin });
    const page = (await offerLoader(args(new Request("http://localhost/cabinet/offer", { headers: { Cookie: cookie } })))) as { offer: unknown };
    expect(page.offer).toBeNull();
  });
});
