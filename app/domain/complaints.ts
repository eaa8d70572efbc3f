/**
 * Complaints about a case (issue 16; seed 004 Annex 2 clause 20): the answer deadline as a rule in data
 * (complaint-rules.json, with its source), the complaint's text checks and its state machine. Pure.
 */
import { z } from "zod";
import rulesJson from "./complaint-rules.json";
import { addDeadline, type Calendar } from "./workdays";
import type { IsoDate } from "./kz-time";

const ruleSchema = z.object({
  answer: z.object({
    days: z.number().int().positive().max(60),
    dayKind: z.enum(["working", "calendar"]),
    source: z.object({ ru: z.string().min(10), kk: z.string().min(10) }),
    note: z.string(),
  }),
  text: z.object({ maxLength: z.number().int().min(100).max(10_000) }),
  numberPrefix: z.string().regex(/^[A-Z]{2,5}$/),
});
export type ComplaintRules = z.infer<typeof ruleSchema>;

/** Parsed once at start: a malformed rule file stops the server rather than mis-date a talon. */
export const complaintRules: ComplaintRules = ruleSchema.parse(rulesJson);

/** The day by which the answer is due, counted from the day after registration. */
export function complaintAnswerDue(registeredOn: IsoDate, cal: Calendar, rules: ComplaintRules = complaintRules): IsoDate {
  return addDeadline(registeredOn, rules.answer, cal);
}

export type ComplaintTextCheck = { ok: true; text: string } | { ok: false; error: "empty" | "too_long" };

/**
 * The complaint as typed: line ends made uniform, control characters other than newline and tab
 * removed, ends trimmed. Markup is kept as the citizen wrote it and always rendered as text.
 */
export function checkComplaintText(raw: string, rules: ComplaintRules = complaintRules): ComplaintTextCheck {
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim();
  if (!text) return { ok: false, error: "empty" };
  if ([...text].length > rules.text.maxLength) return { ok: false, error: "too_long" };
  return { ok: true, text };
}

export const COMPLAINT_STATUSES = ["registered", "under_review", "answered"] as const;
export type ComplaintState = (typeof COMPLAINT_STATUSES)[number];
export type ComplaintAction = "draft_answer" | "sign_answer";

/** registered → under review (an answer is being drafted) → answered (the head signed it). */
export function complaintTransition(from: ComplaintState, action: ComplaintAction): ComplaintState | null {
  if (action === "draft_answer") return from === "registered" || from === "under_review" ? "under_review" : null;
  if (action === "sign_answer") return from === "under_review" ? "answered" : null;
  return null;
}

/** Whether a complaint is past its answer date without an answer (Kazakhstan calendar day `today`). */
export function complaintOverdue(status: ComplaintState, answerDue: IsoDate, today: IsoDate): boolean {
  return status !== "answered" && today > answerDue;
}
