import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDb, type FreshDb } from "../../db/testing";
import { setDb } from "../../db/client";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { seedAccounts } from "../../db/seed/accounts";
import { sendOtp } from "../../app/application/otp.server";
import { queueSms } from "../../app/sms.server";
import { loader as cabinetLoader } from "../../app/routes/cabinet._index";
import { outcome, requestAs, sessionCookie } from "../support/session";

const AIGERIM = "900512440017";
const PHONE = "+77015550101";

describe("the personal cabinet", () => {
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await createFreshDb();
    setDb(fresh);
    await seedDemoIfEmpty(fresh.db, { generatedPersons: 50 });
    await seedAccounts(fresh.db);
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("lists the citizen's SMS, but never a one-time code", async () => {
    let code = "";
    await sendOtp(fresh.db, {
      iin: AIGERIM, purpose: "documents_consent", phone: PHONE, language: "ru", now: new Date(),
      render: (c) => ((code = c), `Komek: код ${c} — согласие. Никому не сообщайте код.`),
    });
    await queueSms(fresh.db, { to: PHONE, body: "Komek: решение по заявлению готово.", purpose: "decision", iin: AIGERIM, language: "ru" });
    const r = await outcome(async () => cabinetLoader({ request: requestAs(await sessionCookie({ kind: "citizen", iin: AIGERIM }), "/cabinet"), params: {}, context: {} }));
    expect(r.status).toBe(200);
    const sms = (r.body as { sms: { body: string }[] }).sms.map((m) => m.body);
    expect(sms).toContain("Komek: решение по заявлению готово.");
    expect(sms.some((b) => b.includes("согласие"))).toBe(true);
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(sms)).not.toContain(code);
  });

  it("shows another citizen nothing of these messages", async () => {
    const r = await outcome(async () => cabinetLoader({ request: requestAs(await sessionCookie({ kind: "citizen", iin: "820903340019" }), "/cabinet"), params: {}, context: {} }));
    expect(JSON.stringify((r.body as { sms: unknown[] }).sms)).not.toContain("решение по заявлению готово");
  });
});
