/** How staff step routes answer: back to the case on success, the GOV.UK error summary otherwise. */
import { data, redirect } from "@remix-run/node";
import type { StepOutcome } from "./deciding.server";

export type StepActionData = { errors: Record<string, string>; values?: Record<string, string> };

/** The message for a workflow refusal; a case that moved meanwhile reads like an illegal step (reload). */
export function refusalKey(refusal: string) {
  return `decision:transitionError.${refusal === "stale" ? "illegal_transition" : refusal}`;
}

export function respond(outcome: StepOutcome | { ok: false; signatureError: string }, caseId: string, values?: Record<string, string>) {
  if (outcome.ok) return redirect(`/staff/cases/${caseId}`);
  if ("refusal" in outcome) return data<StepActionData>({ errors: { form: refusalKey(outcome.refusal) }, values }, 409);
  if ("signatureError" in outcome) return data<StepActionData>({ errors: { "sign-keyfile": outcome.signatureError }, values }, 400);
  return data<StepActionData>({ errors: outcome.errors, values }, 400);
}

export function invalid(errors: Record<string, string>, values?: Record<string, string>) {
  return data<StepActionData>({ errors, values }, 400);
}

/** Form values as strings, trimmed, bounded (nothing a staff form sends is longer). */
export function formValues(form: FormData, names: string[], max = 4000): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "").trim().slice(0, max)]));
}
