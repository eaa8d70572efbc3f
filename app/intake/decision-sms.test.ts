import { describe, expect, it } from "vitest";
import { countSegments } from "../../sms/segments";
import { REFUSAL_GROUND_CODES } from "../domain/refusal";
import { decisionSmsText } from "./decision-sms";

// The longest registration number any service can have: a five-letter prefix (app/services/definition.ts).
const NUMBERS = ["ASP26-000123", "ABCDE26-999999"];
const PLACES = ["cabinet", "office"] as const;

describe("the decision SMS (Annex 12 item 5)", () => {
  for (const lng of ["ru", "kk"] as const) {
    it.each(REFUSAL_GROUND_CODES.flatMap((g) => NUMBERS.flatMap((n) => PLACES.map((w) => [g, n, w] as const))))(
      `${lng}: a refusal on %s (%s, notice at %s) names its reason within two UCS-2 segments`,
      (ground, number, where) => {
        const text = decisionSmsText(lng, { registrationNumber: number, kind: "refusal", grounds: [ground], where });
        const counted = countSegments(text);
        expect(counted.encoding).toBe("UCS-2");
        expect(counted.segments, text).toBeLessThanOrEqual(2);
        expect(text).toContain(number);
        expect(text).not.toContain("{{");
      },
    );

    it.each(NUMBERS.flatMap((n) => PLACES.map((w) => [n, w] as const)))(`${lng}: an assignment (%s, notice at %s) fits two segments`, (number, where) => {
      const text = decisionSmsText(lng, { registrationNumber: number, kind: "assignment", grounds: [], where });
      expect(countSegments(text).segments).toBeLessThanOrEqual(2);
      expect(text).toContain(number);
    });

    it(`${lng}: every combination of grounds still fits, naming the first when not all fit`, () => {
      const all = decisionSmsText(lng, { registrationNumber: NUMBERS[1], kind: "refusal", grounds: [...REFUSAL_GROUND_CODES], where: "office" });
      expect(countSegments(all).segments).toBeLessThanOrEqual(2);
      expect(all).toContain(lng === "ru" ? "и др." : "т.б.");
    });
  }

  it("says the reason and the place of the notice in the chosen language", () => {
    const ru = decisionSmsText("ru", { registrationNumber: "ASP26-000123", kind: "refusal", grounds: ["not_low_income"], where: "office" });
    expect(ru).toBe("Заявление № ASP26-000123: отказ в адресной соцпомощи. Причина: доход выше черты бедности. Уведомление в Центре/у акима. 1414");
    const kk = decisionSmsText("kk", { registrationNumber: "ASP26-000123", kind: "refusal", grounds: ["commission_found_no_need"], where: "cabinet" });
    expect(kk).toContain("комиссия мұқтаждықты анықтамады");
    expect(kk).toContain("жеке кабинетте");
  });
});

describe("the decision SMS of local social assistance (ADR 022)", () => {
  const LOCAL = ["false_information", "survey_refused", "income_above_threshold", "already_assigned"];
  for (const lng of ["ru", "kk"] as const) {
    it.each(LOCAL.flatMap((g) => PLACES.map((w) => [g, w] as const)))(`${lng}: a refusal on clause 12 %s (notice at %s) names its reason within two segments`, (ground, where) => {
      const text = decisionSmsText(lng, { registrationNumber: "LSA26-000123", kind: "refusal", grounds: [ground], where, service: "local" });
      expect(countSegments(text).segments, text).toBeLessThanOrEqual(2);
      expect(text).not.toContain("{{");
      expect(text).not.toMatch(lng === "ru" ? /адресн/ : /атаулы/);
    });
  }
  it.each([
    ["ru", "Заявление № LSA26-000123: назначена социальная помощь 43\u00a0250,00 ₸. Уведомление в личном кабинете. 1414"],
    ["kk", "№ LSA26-000123 өтініш: 43\u00a0250,00 ₸ әлеуметтік көмек тағайындалды. Хабарлама жеке кабинетте. 1414"],
  ] as const)("%s: an assignment says the amount granted", (lng, expected) => {
    expect(decisionSmsText(lng, { registrationNumber: "LSA26-000123", kind: "assignment", grounds: [], where: "cabinet", service: "local", amountTiyn: 4_325_000 })).toBe(expected);
  });
  it("the income reason reads as the maslikhat's threshold, in Kazakh too", () => {
    expect(decisionSmsText("kk", { registrationNumber: "LSA26-000123", kind: "refusal", grounds: ["income_above_threshold"], where: "cabinet", service: "local" })).toContain("табыс мәслихат шегінен жоғары");
  });
});
