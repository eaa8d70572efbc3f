import { describe, expect, it } from "vitest";
import ru from "../locales/ru/sms.json";
import kk from "../locales/kk/sms.json";
import { bankPages } from "./machine";
import { longestOrganisationName, paymentOrganisations } from "./fixtures";
import { countSegments } from "./segments";
import { formatCalendarDate, formatKzDate, formatKzDateTime, MAX_SEGMENTS, render, type SmsKey } from "./templates";

function leafKeys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : leafKeys(v as object, `${prefix}${k}.`),
  );
}

const keys = leafKeys(ru) as SmsKey[];
const languages = ["ru", "kk"] as const;

// The longest values each parameter takes in practice.
const longestParams: Record<string, string> = {
  deadline: formatKzDateTime("2026-12-31T18:59:00Z"), // "31.12.2026 23:59"
  until: formatKzDateTime("2026-12-31T18:59:00Z"),
  expiredAt: formatKzDateTime("2026-12-31T18:59:00Z"),
  items: "1 Kaspi Bank",
  last4: "0100",
  bankOption: "3",
  hours: "168",
  number: "ASP202612345", // a 12-character registration number
  date: "31.12.2026",
  dueDate: "31.12.2026",
};

describe("SMS texts", () => {
  it("have the same keys in Russian and Kazakh", () => {
    expect(leafKeys(kk).sort()).toEqual(leafKeys(ru).sort());
  });

  it.each(keys)("%s is written in Kazakh, not copied from Russian", (key) => {
    const ruText = render("ru", key, longestParams).text;
    const kkText = render("kk", key, longestParams).text;
    expect(kkText).not.toBe(ruText);
    if (kkText.length > 20) expect(kkText).toMatch(/[әғқңөұүһі]/i);
  });

  it.each(languages.flatMap((language) => keys.map((key) => [language, key] as const)))(
    "%s %s fits two segments with the longest parameters",
    (language, key) => {
      const params = key.startsWith("bank.list")
        ? { items: `17 ${longestOrganisationName[language]}\n${render(language, "bank.more").text}` }
        : longestParams;
      const message = render(language, key, params);
      expect(message.segments).toBeLessThanOrEqual(MAX_SEGMENTS);
      expect(message.segments).toBe(countSegments(message.text).segments);
    },
  );

  it.each(languages)("the %s offer says what it is about, how to answer, where to ask, and warns of fraud", (language) => {
    const text = render(language, "offer").text;
    const expected = {
      ru: ["соцпомощь", "участковой комиссии", "1-да", "2-нет", "1414", "Коды", "пароли", "карты не просим"],
      kk: ["Атаулы әлеуметтік көмек", "Учаскелік комиссия", "1-иә", "2-жоқ", "1414", "Код", "құпиясөз", "карта сұрамаймыз"],
    }[language];
    for (const phrase of expected) expect(text).toContain(phrase);
  });

  it("refuses to render a text with a parameter missing", () => {
    expect(() => render("ru", "declined")).toThrow(/missing a parameter/);
  });

  it("shows instants in Kazakhstan time (UTC+5) and calendar dates as DD.MM.YYYY", () => {
    expect(formatKzDateTime("2026-03-02T20:30:00Z")).toBe("03.03.2026 01:30");
    expect(formatKzDate("2026-03-02T20:30:00Z")).toBe("03.03.2026");
    expect(formatCalendarDate("2026-03-23")).toBe("23.03.2026");
  });
});

describe("bankPages", () => {
  it.each(languages)("splits the real %s list into pages that list every organisation once, in order", (language) => {
    const pages = bankPages(paymentOrganisations, language);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual(paymentOrganisations.map((_, i) => i));
  });

  it("keeps a short list on one page without a 'more' line", () => {
    expect(bankPages(paymentOrganisations.slice(0, 3), "ru")).toEqual([[0, 1, 2]]);
  });
});
