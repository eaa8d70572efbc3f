import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "../../locales";
import { dayOfWeek } from "./kz-time";
import {
  barEndsOn,
  employmentExemption,
  isBarred,
  isRefusalGroundCode,
  reapplyFrom,
  reapplyFromAll,
  REFUSAL_GROUND_CODES,
  REFUSAL_GROUNDS,
  type RefusalGroundCode,
} from "./refusal";

const lookup = (tree: unknown, key: string): unknown => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe("the five refusal grounds of Annex 12 item 9", () => {
  it.each<[RefusalGroundCode, number, number]>([
    ["not_low_income", 1, 0],
    ["refused_employment_measures", 2, 6],
    ["social_contract_broken", 3, 6],
    ["false_information", 4, 6],
    ["commission_found_no_need", 5, 0],
  ])("%s is sub-item %i and bars ASP for %i months", (code, item, months) => {
    expect(REFUSAL_GROUNDS[code]).toMatchObject({ code, item, barMonths: months });
    expect(REFUSAL_GROUNDS[code].barFrom === null).toBe(months === 0);
  });

  it("are exactly five, in the order of the Annex", () => {
    expect(REFUSAL_GROUND_CODES.map((c) => REFUSAL_GROUNDS[c].item)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each(REFUSAL_GROUND_CODES)("%s has its legal and plain wording in ru and kk", (code) => {
    for (const lng of ["ru", "kk"] as const) {
      for (const key of [REFUSAL_GROUNDS[code].legalKey, REFUSAL_GROUNDS[code].plainKey]) {
        expect(typeof lookup(resources[lng].decision, key), `${lng} ${key}`).toBe("string");
      }
    }
  });

  it("tells a ground code from anything else", () => {
    expect(isRefusalGroundCode("false_information")).toBe(true);
    expect(isRefusalGroundCode("no_money")).toBe(false);
    expect(isRefusalGroundCode(undefined)).toBe(false);
  });
});

// The Russian legal wording is the seed's, with the PDF's line breaks joined. Sub-item 2 was broken
// by the extraction ("в пу … статьи 2 Закона Республикинкте 6"), so it is compared piecewise.
// A copy of the shared seed is kept in the repository, so a clean clone (CI) runs this too.
const seed = path.resolve(__dirname, "../../tests/fixtures/seeds/000_230ce89a94080b6a.txt");
describe("the Russian legal wording matches seed 000", () => {
  // Both sides squashed alike: the PDF put spaces before commas, after "(" and after quotes.
  const squash = (s: string) => s.replace(/\s+/g, " ").replace(/ ([,.)])/g, "$1").replace(/([("]) /g, "$1").trim();
  const contains = (needle: string) => expect(text.includes(needle), `seed 000 does not contain: ${needle}`).toBe(true);
  const text = squash(fs.readFileSync(seed, "utf8"));
  const legal = (code: RefusalGroundCode) => squash(lookup(resources.ru.decision, REFUSAL_GROUNDS[code].legalKey) as string);

  it.each<RefusalGroundCode>(["not_low_income", "social_contract_broken", "false_information", "commission_found_no_need"])(
    "%s appears word for word",
    (code) => {
      contains(legal(code));
    },
  );

  it("refused_employment_measures appears word for word around the broken reference", () => {
    const [before, after] = legal("refused_employment_measures").split(" пункте 6 статьи 2 Закона Республики");
    contains(before.replace(/ в$/, " в пу"));
    contains(after.replace(/^ Казахстан/, "Казахстан"));
  });
});

describe("the six-month bar runs to the same date six months on; a new application is open the day after", () => {
  it.each<[string, RefusalGroundCode, string, string | null, string | null]>([
    ["refused employment measures on Wednesday 2025-01-15: barred to Tuesday 2025-07-15", "refused_employment_measures", "2025-01-15", "2025-07-15", "2025-07-16"],
    ["social contract broken on Friday 2025-08-29: barred to Saturday 2026-02-28 (no 29 February in 2026)", "social_contract_broken", "2025-08-29", "2026-02-28", "2026-03-01"],
    ["false information given on Sunday 2025-08-31 → Saturday 2026-02-28 (no 31 February)", "false_information", "2025-08-31", "2026-02-28", "2026-03-01"],
    ["false information given on Thursday 2023-08-31 → Thursday 2024-02-29 in a leap year", "false_information", "2023-08-31", "2024-02-29", "2024-03-01"],
    ["refused measures on Friday 2025-12-05 → Friday 2026-06-05, across the year", "refused_employment_measures", "2025-12-05", "2026-06-05", "2026-06-06"],
    ["not low-income never bars a new application", "not_low_income", "2025-01-15", null, null],
    ["the commission's conclusion never bars a new application", "commission_found_no_need", "2025-01-15", null, null],
  ])("%s", (_name, code, event, end, reapply) => {
    expect(barEndsOn(code, event)).toBe(end);
    expect(reapplyFrom(code, event)).toBe(reapply);
  });

  it("the weekday names above are right", () => {
    const days = ["2025-01-15", "2025-07-15", "2025-08-29", "2026-02-28", "2025-08-31", "2023-08-31", "2024-02-29", "2025-12-05", "2026-06-05"];
    expect(days.map(dayOfWeek)).toEqual([3, 2, 5, 6, 0, 4, 4, 5, 5]);
  });

  it.each<[string, RefusalGroundCode, string, string, boolean]>([
    ["an application on the day of the refusal is barred", "refused_employment_measures", "2025-01-15", "2025-01-15", true],
    ["an application on the last day of the bar is barred", "refused_employment_measures", "2025-01-15", "2025-07-15", true],
    ["an application the day after the bar is not", "refused_employment_measures", "2025-01-15", "2025-07-16", false],
    ["an application before the event is not barred by it", "social_contract_broken", "2025-03-10", "2025-03-09", false],
    ["a breach within the six months before applying bars it", "social_contract_broken", "2024-11-20", "2025-05-19", true],
    ["not low-income bars nothing", "not_low_income", "2025-01-15", "2025-01-16", false],
  ])("%s", (_name, code, event, application, barred) => {
    expect(isBarred(code, event, application)).toBe(barred);
  });

  it("refuses a malformed date", () => {
    expect(() => barEndsOn("false_information", "2025-02-30")).toThrow(RangeError);
  });
});

describe("employmentExemption: article 2 item 6 of the Law, as the gateway reports it", () => {
  const adult = { birthDate: "1985-01-01" };
  const status = (kind: string, validFrom: string, validTo: string | null = null) => ({ kind, validFrom, validTo });
  it.each<[string, { birthDate: string }, ReturnType<typeof status>[], string | null]>([
    ["an adult with no status is able-bodied", adult, [], null],
    ["a disability in force exempts", adult, [status("disability", "2020-01-01")], "disability"],
    ["a disability that ended does not", adult, [status("disability", "2020-01-01", "2024-12-31")], null],
    ["full-time study in force exempts", { birthDate: "2004-09-01" }, [status("full_time_study", "2022-09-01", "2026-06-30")], "full_time_study"],
    ["being employed does not", adult, [status("employed", "2020-01-01")], null],
    ["a 17-year-old is not of working age", { birthDate: "2008-01-01" }, [], "minor"],
    ["an 18th birthday that day makes one of working age", { birthDate: "2007-05-14" }, [], null],
  ])("%s", (_name, person, statuses, expected) => {
    expect(employmentExemption(person, statuses, "2025-05-14")).toBe(expected);
  });
});

describe("reapplyFromAll: the latest day any ground's own bar ends", () => {
  it("takes each ground's own event", () => {
    expect(
      reapplyFromAll(["false_information", "social_contract_broken", "not_low_income"], {
        false_information: { date: "2025-05-14" },
        social_contract_broken: { date: "2025-03-01" },
      }),
    ).toBe("2025-11-15");
  });
  it("is null without a barring ground", () => {
    expect(reapplyFromAll(["not_low_income"], {})).toBeNull();
  });
});
