import { describe, expect, it } from "vitest";
import { checkComplaintText, complaintAnswerDue, complaintOverdue, complaintRules, complaintTransition } from "./complaints";
import { kzCalendar } from "./workdays";

describe("the complaint rule is data with its source", () => {
  it("states the term and where it comes from, in both languages", () => {
    expect(complaintRules.answer).toMatchObject({ days: 5, dayKind: "working" });
    expect(complaintRules.answer.source.ru).toMatch(/О государственных услугах/);
    expect(complaintRules.answer.source.kk).toMatch(/Мемлекеттік көрсетілетін қызметтер туралы/);
  });

  it.each([
    ["registered on a Monday: due the next Monday", "2026-11-23", "2026-11-30"],
    ["registered on a Friday: due the next Friday", "2026-11-27", "2026-12-04"],
    ["registered on a Saturday: five working days after it", "2026-11-28", "2026-12-04"],
  ])("%s", (_case, on, due) => {
    expect(complaintAnswerDue(on, kzCalendar)).toBe(due);
  });

  it("follows the rule it is given (calendar days)", () => {
    expect(complaintAnswerDue("2026-11-23", kzCalendar, { ...complaintRules, answer: { ...complaintRules.answer, days: 10, dayKind: "calendar" } })).toBe("2026-12-03");
  });
});

describe("checkComplaintText", () => {
  it.each([
    ["empty", "", { ok: false, error: "empty" }],
    ["only spaces and newlines", "  \n\r\n ", { ok: false, error: "empty" }],
    ["too long", "а".repeat(2001), { ok: false, error: "too_long" }],
    ["exactly the limit", "а".repeat(2000), { ok: true, text: "а".repeat(2000) }],
    ["trimmed, line ends made uniform", "  Срок истёк\r\nпрошу ответить  ", { ok: true, text: "Срок истёк\nпрошу ответить" }],
    ["control characters removed", "Жалоба\u0000\u0007 текст", { ok: true, text: "Жалоба текст" }],
    ["markup kept as typed (rendered as text)", "<script>alert(1)</script>", { ok: true, text: "<script>alert(1)</script>" }],
  ] as const)("%s", (_case, raw, expected) => {
    expect(checkComplaintText(raw)).toEqual(expected);
  });
});

describe("complaintTransition", () => {
  it.each([
    ["registered", "draft_answer", "under_review"],
    ["under_review", "draft_answer", "under_review"],
    ["under_review", "sign_answer", "answered"],
    ["registered", "sign_answer", null],
    ["answered", "draft_answer", null],
    ["answered", "sign_answer", null],
  ] as const)("%s + %s → %s", (from, action, to) => {
    expect(complaintTransition(from, action)).toBe(to);
  });

  it("an unanswered complaint past its date is overdue; an answered one never", () => {
    expect(complaintOverdue("registered", "2026-11-30", "2026-12-01")).toBe(true);
    expect(complaintOverdue("under_review", "2026-11-30", "2026-11-30")).toBe(false);
    expect(complaintOverdue("answered", "2026-11-30", "2027-01-01")).toBe(false);
  });
});
