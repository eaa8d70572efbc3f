import { describe, expect, it } from "vitest";
import { formatCode, makeVerificationCode, normalizeCode, noticePayload, parseNoticePayload, renderNotice, type NoticeFacts } from "./text";

const facts = (decision: NoticeFacts["decision"]): NoticeFacts => ({
  noticeId: "3f2b8c1e-0000-4000-8000-000000000001",
  registrationNumber: "ASP26-000042",
  applicationDate: "2026-11-23",
  decidedOn: "2026-12-01",
  verificationCode: "ABCDE23456",
  verifyUrl: "https://komek.example.kz/verify",
  applicant: { iin: "861022340019", nameRu: "Тулегенов Ержан Кайратович", nameKk: "Төлегенов Ержан Қайратұлы" },
  office: { code: "nura", nameRu: "Отдел занятости Нуринского района", nameKk: "Нұра ауданының жұмыспен қамту бөлімі" },
  signer: { iin: "880211340018", nameRu: "Бекмуханов Нурлан Асанович", nameKk: "Бекмұханов Нұрлан Асанұлы" },
  decision,
  calculation: { perCapitaTiyn: 2_200_000, povertyLineTenge: 35_596, members: 1, amountTiyn: 1_359_600 },
});

describe("the notice of a decision", () => {
  it("an assignment states the amount, the period and the calculation in both languages", () => {
    const f = facts({ kind: "assignment", amountTiyn: 1_359_600, period: { from: "2026-11", to: "2026-12" } });
    const ru = renderNotice(f, "ru");
    const kk = renderNotice(f, "kk");
    expect(ru.title).toBe("Назначение адресной социальной помощи");
    expect(ru.lines).toContain("Размер помощи в месяц: 13\u00a0596,00 ₸");
    expect(ru.lines).toContain("Период назначения: с 11.2026 по 12.2026");
    expect(kk.title).toBe("Атаулы әлеуметтік көмек тағайындау");
    expect(kk.lines.join("\n")).toContain("Өтініш беруші: Төлегенов Ержан Қайратұлы, ЖСН 861022340019");
    expect(kk.lines.at(-1)).toBe("Тексеру коды: ABCDE-23456. № ASP26-000042 өтініш бойынша хабарламаның түпнұсқалығын тексеру: https://komek.example.kz/verify");
  });

  it.each([
    ["not_low_income", "лицам (семьям), не являющимся малообеспеченными", null],
    ["refused_employment_measures", "отказался от участия в мерах содействия занятости", "Повторно обратиться можно с 02.05.2027."],
    ["social_contract_broken", "расторжения ранее заключенного социального контракта", "Повторно обратиться можно с 02.05.2027."],
    ["false_information", "заведомо ложную информацию", "Повторно обратиться можно с 02.05.2027."],
    ["commission_found_no_need", "согласно заключению участковой комиссии", null],
  ] as const)("a refusal on %s cites its legal wording and says when to apply again", (ground, wording, reapply) => {
    const f = facts({ kind: "refusal", grounds: [ground], events: { [ground]: { date: "2026-11-01" } } });
    const text = renderNotice(f, "ru").lines.join("\n");
    expect(text).toContain(wording);
    expect(text).toContain(reapply ?? "Вы можете обратиться повторно, если положение семьи изменится.");
    expect(text).toContain("обжаловать");
    expect(renderNotice(f, "kk").lines.join("\n")).toMatch(/9-тармағының [1-5]\) тармақшасы/);
  });

  it("each six-month ground states its own event and bar; the latest bar sets the day to apply again (defect 3)", () => {
    const f = facts({
      kind: "refusal",
      grounds: ["social_contract_broken", "false_information"],
      events: { social_contract_broken: { date: "2026-08-10" }, false_information: { date: "2026-11-23" } },
    });
    const ru = renderNotice(f, "ru").lines;
    expect(ru).toContain("По подпункту 3: дата события 10.08.2026, основание действует по 10.02.2027 включительно.");
    expect(ru).toContain("По подпункту 4: дата события 23.11.2026, основание действует по 23.05.2027 включительно.");
    expect(ru).toContain("Повторно обратиться можно с 24.05.2027.");
    expect(renderNotice(f, "kk").lines).toContain("4-тармақша бойынша: оқиға күні 23.11.2026, негіз 23.05.2027 қоса алғанда қолданылады.");
  });

  it("a family exactly at the poverty line is assigned 0 ₸ and the notice says why, not a false ground (defect 4)", () => {
    const f = { ...facts({ kind: "assignment", amountTiyn: 0, period: { from: "2026-11", to: "2026-12" } }), calculation: { perCapitaTiyn: 3_559_600, povertyLineTenge: 35_596, members: 3, amountTiyn: 0 } };
    const ru = renderNotice(f, "ru");
    expect(ru.title).toBe("Назначение адресной социальной помощи");
    expect(ru.lines).toContain("Размер помощи в месяц: 0,00 ₸");
    expect(ru.lines.join("\n")).toContain("равен черте бедности: семья является малообеспеченной");
    expect(ru.lines.join("\n")).not.toContain("не являющимся малообеспеченными");
    expect(renderNotice(f, "kk").lines.join("\n")).toContain("кедейлік шегіне тең");
  });

  it("the signed payload holds both texts, is canonical, and parses back", () => {
    const f = facts({ kind: "refusal", grounds: ["not_low_income"], events: {} });
    const payload = noticePayload(f);
    expect(payload).toBe(noticePayload(structuredClone(f)));
    const parsed = parseNoticePayload(payload)!;
    expect(parsed.text.ru.split("\n")[0]).toBe("Отказ в назначении адресной социальной помощи");
    expect(parsed.text.kk.split("\n")[0]).toBe("Атаулы әлеуметтік көмек тағайындаудан бас тарту");
    expect(parsed.noticeId).toBe(f.noticeId);
    expect(parseNoticePayload('{"type":"something else"}')).toBeNull();
    expect(parseNoticePayload("not json")).toBeNull();
  });

  it("verification codes avoid look-alike characters and are read back however they are typed", () => {
    let i = 0;
    const code = makeVerificationCode((n) => i++ % n);
    expect(code).toMatch(/^[2-9A-HJ-KMNP-Z]{10}$/);
    expect(normalizeCode(` ${formatCode(code).toLowerCase()} `)).toBe(code);
  });
});

describe("the notice names its signer (issue 17, item 16)", () => {
  it.each([
    ["ru", "Бекмуханов Нурлан Асанович"],
    ["kk", "Бекмұханов Нұрлан Асанұлы"],
  ] as const)("in %s the signature line carries the name in that language", (lng, name) => {
    const text = renderNotice(facts({ kind: "assignment", amountTiyn: 1_000_000, period: { from: "2026-04", to: "2026-06" } }), lng);
    const line = text.lines.find((l) => l.includes(name));
    expect(line).toBeDefined();
    expect(text.lines.some((l) => /^(Подписал|Қол қойған)\s*$/.test(l))).toBe(false);
  });
});

describe("the notice of a local-assistance decision (ADR 022)", () => {
  const local = {
    category: { code: "8.3.2", nameRu: "Трудная жизненная ситуация: оперативное лечение (операция)", nameKk: "Қиын өмірлік жағдай: жедел емдеу (операция)" },
    act: { number: "159", date: "2025-04-29", bodyRu: "Нуринский районный маслихат", bodyKk: "Нұра аудандық мәслихаты" },
    grounds: [],
    thresholdPm: 1,
  };
  const specialist = { role: "specialist" as const, iin: "850415440018", nameRu: "Жумабаева Салтанат Каировна", nameKk: "Жұмабаева Салтанат Қайырқызы", serial: "01", signedAt: "2026-12-03T06:00:00.000Z" };

  it("an assignment names the category, the act, the amount, the payment month and both signers", () => {
    const f: NoticeFacts = { ...facts({ kind: "assignment", amountTiyn: 4_325_000, period: { from: "2026-12", to: "2026-12" } }), registrationNumber: "LSA26-000001", local, signerRole: "head", cosigner: specialist, calculation: { perCapitaTiyn: 3_600_000, povertyLineTenge: 50_851, members: 1, amountTiyn: 0 } };
    const ru = renderNotice(f, "ru");
    expect(ru.title).toBe("Уведомление о назначении социальной помощи");
    const text = ru.lines.join("\n");
    expect(text).toContain("пункт 8.3.2");
    expect(text).toContain("№ 159");
    expect(ru.lines).toContain("Размер помощи: 43\u00a0250,00 ₸");
    expect(ru.lines).toContain("Выплата в 12.2026");
    expect(ru.lines).toContain("Специалист: Жумабаева Салтанат Каировна. Подписано ЭЦП.");
    expect(ru.lines).toContain("Руководитель: Бекмуханов Нурлан Асанович. Подписано ЭЦП.");
    expect(text).toContain("порог маслихата: 50\u00a0851,00 ₸ (1 ПМ)");
    const kk = renderNotice(f, "kk").lines.join("\n");
    expect(kk).toContain("Маман: Жұмабаева Салтанат Қайырқызы");
    expect(kk).toContain("Қиын өмірлік жағдай: жедел емдеу (операция)");
  });

  it("a refusal cites the act's clause 12 ground in its own words; the specialist's copy names her as signer", () => {
    const f: NoticeFacts = {
      ...facts({ kind: "refusal", grounds: ["income_above_threshold" as never], events: {} }),
      local: { ...local, grounds: [{ code: "income_above_threshold", item: 3, textRu: "Превышение среднедушевого дохода лица (семьи) порога", textKk: "Табыстың шегінен асуы" }] },
      signerRole: "specialist",
      signer: { iin: specialist.iin, nameRu: specialist.nameRu, nameKk: specialist.nameKk },
    };
    const ru = renderNotice(f, "ru").lines.join("\n");
    expect(ru).toContain("1) По подпункту 3 пункта 12 Правил (решение № 159): Превышение среднедушевого дохода лица (семьи) порога.");
    expect(ru).toContain("Специалист: Жумабаева Салтанат Каировна. Подписано ЭЦП.");
    expect(ru).not.toContain("Руководитель:");
    expect(parseNoticePayload(noticePayload(f))?.local?.category.code).toBe("8.3.2");
  });
});
