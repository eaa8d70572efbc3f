import { describe, expect, it } from "vitest";
import { resources } from "../../locales";

describe("staff read staff wording", () => {
  const statuses = Object.keys(resources.ru.decision.status);

  it.each(["ru", "kk"] as const)("every status has a staff name in %s, never addressed to «you»", (lng) => {
    const staff = resources[lng].ui.staffStatus as Record<string, string>;
    expect(Object.keys(staff).sort()).toEqual([...statuses].sort());
    for (const name of Object.values(staff)) expect(name).not.toMatch(/\bвам\b|\bВы\b|сізге|\bсіз\b/i);
  });

  it("the citizen's wording is what staff saw before (so the test can fail)", () => {
    expect(resources.ru.decision.status.notice_delivered.name).toMatch(/вам/);
  });
});
