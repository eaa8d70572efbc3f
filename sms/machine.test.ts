import { describe, expect, it } from "vitest";
import type { Language } from "../locales";
import { anotherValidIban, paymentOrganisations, validIban } from "./fixtures";
import {
  confirmRegistration,
  defaultOfferPolicy,
  noOpenOfferMessage,
  rejectAccount,
  rejectRegistration,
  startOffer,
  step,
  tick,
  type OfferPolicy,
  type OfferState,
  type Transition,
} from "./machine";
import { MAX_SEGMENTS } from "./templates";

// The offer goes out on Monday 2 March 2026 at 09:00 in Kazakhstan (04:00 UTC).
const SENT = new Date("2026-03-02T04:00:00Z");
const afterHours = (h: number) => new Date(SENT.getTime() + h * 3_600_000);
const banks = paymentOrganisations;

type OfferOptions = { language?: Language; accountLast4?: string | null; policy?: OfferPolicy };

function offered({ language = "ru", accountLast4 = "0100", policy }: OfferOptions = {}): OfferState {
  return startOffer({ language, sentAt: SENT, accountLast4 }, policy).state;
}

/** Every transition a test makes goes through here, so every text sent is checked against the budget. */
function checked(t: Transition): Transition {
  for (const m of t.messages) expect(m.segments, m.text).toBeLessThanOrEqual(MAX_SEGMENTS);
  return t;
}

function reply(state: OfferState, text: string, hours = 1): Transition {
  return checked(step(state, { text, at: afterHours(hours) }, { banks }));
}

/** Plays replies one hour apart (starting an hour after the offer) and returns the last transition. */
function play(state: OfferState, ...texts: string[]): Transition {
  let t: Transition = { state, messages: [], effects: [] };
  texts.forEach((text, i) => (t = reply(t.state, text, i + 1)));
  return t;
}

const keys = (t: Transition) => t.messages.map((m) => m.key);

describe("startOffer", () => {
  it.each(["ru", "kk"] as const)("sends the offer in %s and opens it for 72 hours with a reminder at 48", (language) => {
    const t = checked(startOffer({ language, sentAt: SENT, accountLast4: "0100" }));
    expect(t.state).toMatchObject({
      stage: "offered",
      language,
      sentAt: "2026-03-02T04:00:00.000Z",
      remindAt: "2026-03-04T04:00:00.000Z",
      expiresAt: "2026-03-05T04:00:00.000Z",
      unclearCount: 0,
    });
    expect(keys(t)).toEqual(["offer"]);
    expect(t.messages[0].language).toBe(language);
  });

  it("takes the validity and the reminder from the policy", () => {
    const state = offered({ policy: { ...defaultOfferPolicy, validityHours: 24, reminderAfterHours: 20 } });
    expect(state).toMatchObject({ remindAt: "2026-03-03T00:00:00.000Z", expiresAt: "2026-03-03T04:00:00.000Z" });
  });

  it.each([
    ["a reminder after the expiry", { ...defaultOfferPolicy, reminderAfterHours: 80 }, "0100"],
    ["an account shown with more than four characters", defaultOfferPolicy, "10100"],
  ])("refuses %s", (_name, policy, accountLast4) => {
    expect(() => startOffer({ language: "ru", sentAt: SENT, accountLast4 }, policy)).toThrow();
  });
});

describe("consent", () => {
  it.each([
    ["ru", "1"], ["ru", "да"], ["ru", "ДA"], ["ru", "Да, согласна"], ["kk", "ИӘ"], ["kk", "иа"], ["kk", "IYA"], ["kk", "1"],
  ] as const)("in %s, %j records the consent and asks where to pay", (language, text) => {
    const t = reply(offered({ language }), text, 5);
    expect(t.state).toMatchObject({ stage: "awaiting_payment", consentAt: afterHours(5).toISOString(), unclearCount: 0 });
    expect(keys(t)).toEqual(["payment.askWithAccount"]);
    expect(t.messages[0]).toMatchObject({ language, params: { last4: "0100" } });
    expect(t.messages[0].text).toContain("*0100");
    expect(t.effects).toEqual([]);
  });

  it("offers no 'account on file' option when the state holds no account", () => {
    const t = reply(offered({ accountLast4: null }), "1");
    expect(keys(t)).toEqual(["payment.askWithoutAccount"]);
  });

  it("leaves at least 24 hours to choose where to pay when consent comes just before the expiry", () => {
    const t = reply(offered(), "1", 71);
    expect(t.state.expiresAt).toBe(afterHours(95).toISOString());
    expect(tick(t.state, afterHours(80)).state.stage).toBe("awaiting_payment");
    expect(tick(t.state, afterHours(95)).state.stage).toBe("expired");
  });
});

describe("the payment choice", () => {
  it.each([
    {
      name: "1 keeps the account on file",
      account: "0100",
      replies: ["1", "1"],
      payment: { kind: "account_on_file", last4: "0100" },
    },
    {
      name: "2 then an IBAN with spaces takes another account",
      account: "0100",
      replies: ["1", "2", `Мой счёт ${anotherValidIban.replace(/(.{4})/g, "$1 ")}`],
      payment: { kind: "iban", iban: anotherValidIban, bankCode: "601" },
    },
    {
      name: "an IBAN sent straight away, without choosing 2 first",
      account: "0100",
      replies: ["да", validIban],
      payment: { kind: "iban", iban: validIban, bankCode: "125" },
    },
    {
      name: "without an account on file, 1 asks for an IBAN",
      account: null,
      replies: ["1", "1", validIban],
      payment: { kind: "iban", iban: validIban, bankCode: "125" },
    },
    {
      name: "3 then a number from the list picks a payment organisation",
      account: "0100",
      replies: ["1", "3", "2"],
      payment: { kind: "organisation", code: "CASPKZKA" },
    },
    {
      name: "a number from a later page is valid on the first page too",
      account: "0100",
      replies: ["1", "3", "20"],
      payment: { kind: "organisation", code: "KPSTKZKA" },
    },
    {
      name: "without an account on file, 2 opens the list",
      account: null,
      replies: ["1", "2", "1"],
      payment: { kind: "organisation", code: "HSBKKZKX" },
    },
    {
      name: "a bank by name at the payment menu picks that organisation",
      account: "0100",
      replies: ["1", "каспи"],
      payment: { kind: "organisation", code: "CASPKZKA" },
    },
    {
      name: "a bank by name in the list, in Kazakh script",
      account: "0100",
      replies: ["иә", "3", "Халық банк"],
      payment: { kind: "organisation", code: "HSBKKZKX" },
    },
    {
      name: "a bank by name while waiting for an IBAN",
      account: "0100",
      replies: ["１", "2", "kaspi"],
      payment: { kind: "organisation", code: "CASPKZKA" },
    },
    {
      name: "while waiting for an IBAN, the menu's list option still works",
      account: "0100",
      replies: ["1", "2", "3", "17"],
      payment: { kind: "organisation", code: "ICBKKZKX" },
    },
  ])("$name", ({ account, replies, payment }) => {
    const t = play(offered({ accountLast4: account }), ...replies);
    expect(t.state).toMatchObject({ stage: "registered", payment, registration: null });
    expect(t.messages).toEqual([]); // the caller sends the confirmation once the application is registered
    expect(t.effects).toEqual([
      { type: "register", consentAt: afterHours(1).toISOString(), applicationDate: "2026-03-02", payment },
    ]);
  });

  it("dates a consent given after working time by the next working day (Annex 12 item 7.3)", () => {
    // 14:00 UTC on Monday 2 March is 19:00 in Astana, after the 18:30 end of working time.
    const consented = reply(offered(), "1", 10);
    const t = reply(consented.state, "1", 11);
    expect(t.effects[0]).toMatchObject({ consentAt: "2026-03-02T14:00:00.000Z", applicationDate: "2026-03-03" });
  });

  it("dates the application by the consent's day in Kazakhstan, not in UTC", () => {
    // Consent at 20:30 UTC on Monday is 01:30 on Tuesday 3 March in Kazakhstan.
    const consented = reply(offered(), "1", 16.5);
    const t = reply(consented.state, "1", 17);
    expect(t.effects[0]).toMatchObject({ consentAt: "2026-03-02T20:30:00.000Z", applicationDate: "2026-03-03" });
  });

  it.each([
    ["a wrong check digit", validIban.slice(0, 19) + ((Number(validIban[19]) + 1) % 10), "iban.invalidChecksum"],
    ["a missing character", validIban.slice(0, 19), "iban.invalidFormat"],
    ["a foreign account", "DE89 3704 0044 0532 0130 00", "iban.invalidCountry"],
    ["a card number", "4400 4301 2345 6789", "iban.invalidFormat"],
  ])("answers %s with a specific re-prompt and registers nothing", (_name, text, key) => {
    const t = play(offered(), "1", "2", text);
    expect(t.state.stage).toBe("awaiting_iban");
    expect(keys(t)).toEqual([key]);
    expect(t.effects).toEqual([]);
  });

  it("tells which number opens the list in the IBAN prompts", () => {
    expect(play(offered({ accountLast4: "0100" }), "1", "2").messages[0].params).toEqual({ bankOption: "3" });
    expect(play(offered({ accountLast4: null }), "1", "1").messages[0].params).toEqual({ bankOption: "2" });
  });

  it.each(["ru", "kk"] as const)("pages through the whole %s list with 0, every page within two segments", (language) => {
    let t = play(offered({ language }), "1", "3");
    const seen: string[] = [t.messages[0].text];
    for (let i = 0; i < 10 && !seen[seen.length - 1].includes(String(banks.length)); i++) {
      t = reply(t.state, "0");
      seen.push(t.messages[0].text);
    }
    const listed = seen.join("\n");
    banks.forEach((bank, i) => expect(listed).toContain(`${i + 1} ${language === "ru" ? bank.nameRu : bank.nameKk}`));
    expect(seen.length).toBeGreaterThan(1);
    // after the last page the list starts again
    expect(reply(t.state, "0").messages[0].text).toBe(seen[0]);
  });
});

describe("an unclear reply", () => {
  it.each([
    { stage: "offered", before: [], reprompt: "offerReprompt" },
    { stage: "awaiting_payment", before: ["1"], reprompt: "payment.repromptWithAccount" },
    { stage: "awaiting_iban", before: ["1", "2"], reprompt: "iban.notFound" },
    { stage: "awaiting_bank", before: ["1", "3"], reprompt: "bank.listReprompt" },
  ])("in $stage is re-prompted twice, then pointed to 1414 once, then met with silence", ({ stage, before, reprompt }) => {
    let t = play(offered(), ...before);
    const answers: string[][] = [];
    for (const text of ["может быть", "99", "не знаю", "ну", "хм"]) {
      t = reply(t.state, text, 10 + answers.length);
      answers.push(keys(t));
      expect(t.state.stage).toBe(stage);
    }
    expect(answers).toEqual([[reprompt], [reprompt], ["contactCentre"], [], []]);
    expect(t.state.referredAt).toBe(afterHours(12).toISOString());
    expect(t.state.unclearCount).toBe(5);
  });

  it("counts a bad IBAN as unclear, so the third one is pointed to 1414", () => {
    const t = play(offered(), "1", "2", "KZ00 1234", "1234567890123", validIban.slice(0, 19));
    expect(keys(t)).toEqual(["contactCentre"]);
  });

  it("still accepts a clear answer after the 1414 message", () => {
    const t = play(offered(), "а?", "что", "это", "зачем", "1");
    expect(t.state.stage).toBe("awaiting_payment");
    expect(t.state.unclearCount).toBe(0);
  });

  it("starts counting again for the next question", () => {
    const t = play(offered(), "хм", "что", "1", "хм");
    expect(keys(t)).toEqual(["payment.repromptWithAccount"]);
    expect(t.state.unclearCount).toBe(1);
  });

  it("a 0 with a one-page list is not a page turn but an unclear reply", () => {
    const t = checked(step(play(offered(), "1").state, { text: "3", at: afterHours(2) }, { banks: banks.slice(0, 2) }));
    const zero = checked(step(t.state, { text: "0", at: afterHours(3) }, { banks: banks.slice(0, 2) }));
    expect(keys(zero)).toEqual(["bank.listReprompt"]);
  });
});

describe("HELP", () => {
  it.each([
    { stage: "offered", before: [], text: "HELP", key: "help.offer" },
    { stage: "offered", before: [], text: "көмек", key: "help.offer" },
    { stage: "awaiting_payment", before: ["1"], text: "ПОМОЩЬ", key: "help.payment" },
    { stage: "awaiting_iban", before: ["1", "2"], text: "?", key: "help.payment" },
    { stage: "awaiting_bank", before: ["1", "3"], text: "komek", key: "help.payment" },
    { stage: "declined", before: ["2"], text: "help", key: "declined" },
    { stage: "registered", before: ["1", "1"], text: "help", key: "registrationPending" },
  ])("in $stage answers $text with $key and changes nothing", ({ before, text, key }) => {
    const state = play(offered(), ...before).state;
    const t = reply(state, text, 10);
    expect(keys(t)).toEqual([key]);
    expect(t.state).toEqual(state);
    expect(t.effects).toEqual([]);
  });
});

describe("STOP", () => {
  it.each([
    { stage: "offered", before: [], key: "optedOut" },
    { stage: "awaiting_payment", before: ["1"], key: "optedOut" },
    { stage: "awaiting_iban", before: ["1", "2"], key: "optedOut" },
    { stage: "awaiting_bank", before: ["1", "3"], key: "optedOut" },
    { stage: "declined", before: ["2"], key: "optedOut" },
    { stage: "registered", before: ["1", "1"], key: "optedOutRegistered" },
    { stage: "expired", before: [], key: "optedOut", expire: true },
  ])("from $stage opts out at once, confirms once, and nothing is sent after", ({ before, key, expire }) => {
    let state = play(offered(), ...before).state;
    if (expire) state = tick(state, afterHours(72)).state;
    const t = reply(state, "Стоп", 10);
    expect(t.state).toMatchObject({ stage: "opted_out", optedOutAt: afterHours(10).toISOString() });
    expect(keys(t)).toEqual([key]);
    expect(t.effects).toEqual([{ type: "opt_out", at: afterHours(10).toISOString() }]);

    for (const text of ["1", "ДА", "HELP", "STOP", validIban]) {
      const after = reply(t.state, text, 11);
      expect(after).toEqual({ state: t.state, messages: [], effects: [] });
    }
    expect(tick(t.state, afterHours(48)).messages).toEqual([]);
    expect(tick(t.state, afterHours(100)).messages).toEqual([]);
  });

  it.each(["STOP", "стоп", "ТОҚТАТУ", "токтату", "CTOП"])("%j opts out", (text) => {
    expect(reply(offered(), text).state.stage).toBe("opted_out");
  });

  it("after registration, a STOP that comes before the confirmation silences the confirmation too", () => {
    const registered = play(offered(), "1", "1").state;
    const stopped = reply(registered, "STOP", 3).state;
    const t = confirmRegistration(stopped, { registrationNumber: "ASP202600017", registeredAt: afterHours(4), dueDate: "2026-03-23" });
    expect(t.messages).toEqual([]);
    expect(t.state).toMatchObject({ stage: "opted_out", registration: { number: "ASP202600017" } });
  });
});

describe("a decline", () => {
  it.each(["2", "нет", "ЖОҚ", "жок", "NO", "HET"])("%j declines and says how to change one's mind", (text) => {
    const t = reply(offered(), text, 5);
    expect(t.state).toMatchObject({ stage: "declined", declinedAt: afterHours(5).toISOString() });
    expect(keys(t)).toEqual(["declined"]);
    // 09:00 + 5 h on Monday, plus 24 hours: Tuesday 14:00 in Kazakhstan
    expect(t.messages[0].params).toEqual({ until: "03.03.2026 14:00" });
    expect(t.effects).toEqual([]);
  });

  it.each([
    ["an hour later", 6, "awaiting_payment", "payment.askWithAccount"],
    ["23 hours 59 minutes later", 5 + 23 + 59 / 60, "awaiting_payment", "payment.askWithAccount"],
    ["exactly 24 hours later", 29, "declined", "declineFinal"],
    ["two days later", 53, "declined", "declineFinal"],
  ])("can be changed to consent by replying 1 %s only within 24 hours", (_name, hours, stage, key) => {
    const declined = reply(offered(), "2", 5).state;
    const t = reply(declined, "1", hours);
    expect(t.state.stage).toBe(stage);
    expect(keys(t)).toEqual([key]);
    if (stage === "declined") expect(t.state).toEqual(declined);
    if (stage === "awaiting_payment") expect(t.state.consentAt).toBe(afterHours(hours).toISOString());
  });

  it("keeps its 24 hours even past the offer's own expiry, and the application day is the day of consent", () => {
    const declined = reply(offered(), "2", 70).state;
    const consented = reply(declined, "1", 80);
    expect(consented.state.stage).toBe("awaiting_payment");
    const t = reply(consented.state, "1", 81);
    expect(t.effects[0]).toMatchObject({ type: "register", applicationDate: "2026-03-05" });
  });

  it("answers any other reply within 24 hours with the same way back", () => {
    const declined = reply(offered(), "2", 5).state;
    expect(keys(reply(declined, "что?", 6))).toEqual(["declined"]);
  });

  it("is not reminded of nor expired by the scheduler", () => {
    const declined = reply(offered(), "2", 5).state;
    expect(tick(declined, afterHours(48))).toEqual({ state: declined, messages: [], effects: [] });
    expect(tick(declined, afterHours(100))).toEqual({ state: declined, messages: [], effects: [] });
  });
});

describe("tick", () => {
  it.each([
    { name: "an hour after sending", hours: 1, keys: [] as string[], stage: "offered" },
    { name: "just before 48 hours", hours: 47.99, keys: [], stage: "offered" },
    { name: "at 48 hours", hours: 48, keys: ["reminder"], stage: "offered" },
    { name: "at 72 hours", hours: 72, keys: ["expired"], stage: "expired" },
    { name: "long after the expiry, with no reminder sent", hours: 200, keys: ["expired"], stage: "expired" },
  ])("$name gives $keys", ({ hours, keys: expected, stage }) => {
    const t = checked(tick(offered(), afterHours(hours)));
    expect(keys(t)).toEqual(expected);
    expect(t.state.stage).toBe(stage);
  });

  it("reminds only once and shows the deadline in Kazakhstan time", () => {
    const reminded = tick(offered(), afterHours(48));
    expect(reminded.messages[0].params).toEqual({ deadline: "05.03.2026 09:00" });
    expect(reminded.state.remindedAt).toBe(afterHours(48).toISOString());
    expect(tick(reminded.state, afterHours(60)).messages).toEqual([]);
    expect(keys(tick(reminded.state, afterHours(72)))).toEqual(["expired"]);
  });

  it("does not remind once the offer is answered, but expires an unfinished payment choice", () => {
    const paying = reply(offered(), "1", 2).state;
    expect(tick(paying, afterHours(48)).messages).toEqual([]);
    const t = tick(paying, afterHours(72));
    expect(t.state.stage).toBe("expired");
    expect(keys(t)).toEqual(["expired"]);
    expect(t.effects).toEqual([]);
  });

  it("does nothing to an expired offer", () => {
    const expired = tick(offered(), afterHours(72)).state;
    expect(tick(expired, afterHours(100))).toEqual({ state: expired, messages: [], effects: [] });
  });

  it("follows a custom policy: 24 hours, reminder at 12", () => {
    const state = offered({ policy: { ...defaultOfferPolicy, validityHours: 24, reminderAfterHours: 12 } });
    expect(keys(tick(state, afterHours(12)))).toEqual(["reminder"]);
    expect(keys(tick(state, afterHours(24)))).toEqual(["expired"]);
  });
});

describe("a reply after the expiry", () => {
  it.each(["1", "да", "2", validIban, "help", "что?"])("%j to an expired offer gets a clear answer and changes nothing", (text) => {
    const expired = tick(offered(), afterHours(72)).state;
    const t = reply(expired, text, 80);
    expect(t.state).toBe(expired);
    expect(keys(t)).toEqual(["lateReply"]);
    expect(t.messages[0].params).toEqual({ expiredAt: "05.03.2026 09:00" });
    expect(t.effects).toEqual([]);
  });

  it("is answered as late even if the scheduler has not expired the offer yet", () => {
    const t = reply(offered(), "1", 72);
    expect(t.state.stage).toBe("expired");
    expect(t.state.consentAt).toBeNull();
    expect(keys(t)).toEqual(["lateReply"]);
    expect(t.effects).toEqual([]);
  });

  it("of a payment choice after the payment deadline registers nothing", () => {
    const paying = reply(offered(), "1", 2).state;
    const t = reply(paying, "1", 72);
    expect(t.state.stage).toBe("expired");
    expect(t.effects).toEqual([]);
  });
});

describe("registration", () => {
  const registered = () => play(offered({ language: "kk" }), "1", "1").state;

  it("confirms with the registration number, the registration day and the due date", () => {
    const t = checked(
      confirmRegistration(registered(), {
        registrationNumber: "ASP202600017",
        registeredAt: new Date("2026-03-02T06:00:00Z"),
        dueDate: "2026-03-23",
      }),
    );
    expect(keys(t)).toEqual(["registered"]);
    expect(t.messages[0]).toMatchObject({
      language: "kk",
      params: { number: "ASP202600017", date: "02.03.2026", dueDate: "23.03.2026" },
    });
    expect(t.messages[0].text).toContain("ASP202600017");
    expect(t.state.registration).toEqual({ number: "ASP202600017", registeredAt: "2026-03-02T06:00:00.000Z", dueDate: "2026-03-23" });
  });

  it("answers later replies with the number and due date, changing nothing", () => {
    const confirmed = confirmRegistration(registered(), {
      registrationNumber: "ASP202600017",
      registeredAt: afterHours(3),
      dueDate: "2026-03-23",
    }).state;
    for (const text of ["1", "2", "да", validIban]) {
      const t = reply(confirmed, text, 10);
      expect(keys(t)).toEqual(["registeredStatus"]);
      expect(t.state).toBe(confirmed);
      expect(t.effects).toEqual([]);
    }
  });

  it("answers a reply before the confirmation with 'being registered' and never registers twice", () => {
    const t = reply(registered(), "1", 3);
    expect(keys(t)).toEqual(["registrationPending"]);
    expect(t.effects).toEqual([]);
  });

  it("when the 7-1 checks fail, says so and points to 1414", () => {
    const t = checked(rejectRegistration(registered()));
    expect(t.state.stage).toBe("not_registered");
    expect(keys(t)).toEqual(["notRegistered"]);
    expect(keys(reply(t.state, "1", 10))).toEqual(["notRegistered"]);
  });

  it.each([
    ["confirm", (s: OfferState) => confirmRegistration(s, { registrationNumber: "X", registeredAt: SENT, dueDate: "2026-03-23" })],
    ["reject", (s: OfferState) => rejectRegistration(s)],
  ])("refuses to %s an offer that was never registered", (_name, finish) => {
    expect(() => finish(offered())).toThrow();
  });
});

describe("an IBAN the caller finds is not the recipient's own", () => {
  // "1" consents, "2" picks "another account" (there is one on file), then the IBAN.
  const withIban = (language: Language) => play(offered({ language }), "1", "2", validIban);

  it.each([
    ["ru", "ibanNotOwn", "iban.notOwn", "не на ваше имя"],
    ["kk", "ibanNotOwn", "iban.notOwn", "атыңызға ашылмаған"],
    ["ru", "ibanUnknownBank", "iban.unknownBank", "не выплачивает"],
    ["kk", "ibanUnknownBank", "iban.unknownBank", "төлемейді"],
    ["ru", "ibanChecksum", "iban.invalidChecksum", "контрольные"],
  ] as const)("in %s, %s: nothing registered, says why (%s) and asks again", (language, reason, key, words) => {
    const before = withIban(language);
    expect(before.effects).toMatchObject([{ type: "register", payment: { kind: "iban", iban: validIban } }]);
    const t = checked(rejectAccount(before.state, reason, afterHours(4)));
    expect(t.state).toMatchObject({ stage: "awaiting_iban", payment: null, registration: null });
    expect(t.effects).toEqual([]);
    expect(keys(t)).toEqual([key]);
    expect(t.messages[0].text).toContain(words);
    if (key !== "iban.invalidChecksum") expect(t.messages[0].text).toContain("3"); // the number that opens the list of banks
    // The right account afterwards is registered as usual.
    const next = reply(t.state, anotherValidIban, 5);
    expect(next.effects).toMatchObject([{ type: "register", payment: { kind: "iban", iban: anotherValidIban } }]);
  });

  it("counts refusals as unclear replies: after the re-prompts it points to 1414, then falls silent", () => {
    let state = withIban("ru").state;
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const refused = checked(rejectAccount(state, "ibanNotOwn", afterHours(4 + i)));
      seen.push(keys(refused));
      state = reply(refused.state, validIban, 4 + i).state;
    }
    expect(seen).toEqual([["iban.notOwn"], ["iban.notOwn"], ["contactCentre"], []]);
  });

  it("refuses to reject an account the dialogue never registered, and leaves an opted-out dialogue alone", () => {
    expect(() => rejectAccount(offered(), "ibanNotOwn", afterHours(1))).toThrow();
    expect(() => rejectAccount(play(offered(), "1", "1").state, "ibanNotOwn", afterHours(3))).toThrow();
    const stopped = reply(withIban("ru").state, "STOP", 5).state;
    expect(rejectAccount(stopped, "ibanNotOwn", afterHours(6))).toEqual({ state: stopped, messages: [], effects: [] });
  });
});

describe("determinism", () => {
  it("gives the same output for the same state and input, and never mutates the state it is given", () => {
    const script = ["что", "1", "2", "KZ00", "3", "0", "5"];
    const run = () => {
      let state = offered({ language: "kk" });
      const out: Transition[] = [];
      script.forEach((text, i) => {
        const before = structuredClone(state);
        const t = reply(state, text, i + 1);
        expect(state).toEqual(before);
        out.push(t);
        state = t.state;
      });
      return out;
    };
    expect(run()).toEqual(run());
  });

  it("survives a JSON round trip of the state", () => {
    const state = play(offered(), "1", "3").state;
    const revived = JSON.parse(JSON.stringify(state)) as OfferState;
    expect(reply(revived, "4", 5)).toEqual(reply(state, "4", 5));
  });
});

describe("noOpenOfferMessage", () => {
  it.each(["ru", "kk"] as const)("answers a number with no open offer briefly in %s", (language) => {
    const m = noOpenOfferMessage(language);
    expect(m).toMatchObject({ key: "noOpenOffer", language, segments: 1 });
    expect(m.text).toContain("1414");
  });
});
