/**
 * /cabinet/phone: the one-time code and the number change are one transaction (issue 13), and the form
 * is read through its zod schema — bad input is a 400 with its ru/kk key and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { demoCitizens } from "../../db/seed/demo-people";
import { mobileNumbers, otpCodes } from "../../db/schema";
import { sendOtp } from "../../app/application/otp.server";
import { action as phoneAction } from "../../app/routes/cabinet.phone";
import { outcome, postForm, sessionCookie } from "../support/session";

const CITIZEN = demoCitizens.find((c) => c.scenario === "above_poverty_line")!;
const OTHER = demoCitizens.find((c) => c.scenario === "eligible_portal")!;

describe("changing the number in the cabinet", () => {
  let fresh: FreshDb;
  let cookie: string;
  const numberOf = async (iin: string) => (await fresh.db.select().from(mobileNumbers).where(eq(mobileNumbers.iin, iin)))[0]?.phone ?? null;
  const post = async (fields: Record<string, string>) =>
    outcome(async () => phoneAction({ request: await postForm(cookie, "/cabinet/phone", fields), params: {}, context: {} }));
  /** A code sent to `phone` for this citizen, as the "send" button does (the code read from the SMS text). */
  const codeFor = async (phone: string) => {
    await fresh.db.delete(otpCodes).where(eq(otpCodes.iin, CITIZEN.iin));
    let code = "";
    await sendOtp(fresh.db, { iin: CITIZEN.iin, purpose: "mobile_number", phone, language: "ru", now: new Date(), render: (c) => ((code = c), `code ${c}`) });
    return code;
  };

  beforeAll(async () => {
    fresh = await createFreshDb({ prefix: "komek_cabinet_phone", max: 10 });
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 20 });
    await seedAccounts(fresh.db);
    cookie = await sessionCookie({ kind: "citizen", iin: CITIZEN.iin });
  }, 120_000);
  afterAll(async () => {
    await fresh.drop();
  });

  it("lets exactly one of two simultaneous confirmations of the same code change the number", async () => {
    const phone = "+77470001122";
    const code = await codeFor(phone);
    const answers = await Promise.all([post({ intent: "verify", number: phone, code }), post({ intent: "verify", number: phone, code })]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
    expect(answers.find((a) => a.status === 400)!.body).toMatchObject({ errors: { code: "apply:errors.codeExpired" } });
    expect(await numberOf(CITIZEN.iin)).toBe(phone);
    const [used] = await fresh.db.select().from(otpCodes).where(eq(otpCodes.iin, CITIZEN.iin));
    expect(used!.usedAt).not.toBeNull();
  });

  it("changes neither number when the number typed is someone else's", async () => {
    const taken = (await numberOf(OTHER.iin))!;
    const before = await numberOf(CITIZEN.iin);
    const code = await codeFor(taken);
    const r = await post({ intent: "verify", number: taken, code });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ errors: { number: "cabinet:phone.errors.numberTaken" } });
    expect(await numberOf(CITIZEN.iin)).toBe(before);
    expect(await numberOf(OTHER.iin)).toBe(taken);
  });

  it.each([
    ["no number", { intent: "send", number: " " }, { number: "cabinet:phone.errors.numberRequired" }],
    ["a landline", { intent: "send", number: "+7 7172 55 01 01" }, { number: "cabinet:phone.errors.numberFormat" }],
    ["no code", { intent: "verify", number: "+77470001133" }, { code: "apply:errors.codeRequired" }],
    ["five digits", { intent: "verify", number: "+77470001133", code: "12 345" }, { code: "apply:errors.codeFormat" }],
  ])("answers %s with 400 and its message, changing nothing", async (_name, fields, errors) => {
    const before = await numberOf(CITIZEN.iin);
    const codes = (await fresh.db.select().from(otpCodes).where(eq(otpCodes.iin, CITIZEN.iin))).length;
    const r = await post(fields);
    expect(r.status).toBe(400);
    expect((r.body as { errors: unknown }).errors).toEqual(errors);
    expect(await numberOf(CITIZEN.iin)).toBe(before);
    expect((await fresh.db.select().from(otpCodes).where(eq(otpCodes.iin, CITIZEN.iin))).length).toBe(codes);
  });
});
