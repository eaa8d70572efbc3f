/**
 * The look-up form, checked the same way in the browser (as the agent types) and on the server.
 * Messages are i18n keys; the IIN uses the portal's own IIN rule (iinField).
 */
import { z } from "zod";
import { iinField } from "../schemas/common";
import { isLanguage, type Language } from "../../locales";
import type { FieldErrors } from "../components/forms";

import { REGISTRATION_NUMBER } from "../services/definition";
// A list decision's number (sent in its SMS) finds its recipient too (issue 14, ADR 024).
import { LIST_DECISION_NUMBER } from "../lists/rules";

export { REGISTRATION_NUMBER };

export const callReferenceField = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, "callcenter:errors.callReferenceRequired")
      // Telephony references: letters, digits and a few separators; nothing that could carry a formula or markup.
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/#-]{2,39}$/u, "callcenter:errors.callReferenceFormat"),
  );

export type LookupFormValue = {
  callReference: string;
  query: { kind: "iin"; iin: string } | { kind: "registration_number"; registrationNumber: string };
  speak: Language;
};

export type LookupFormValues = { callReference: string; iin: string; number: string; speak: string };

export const FIELD_ORDER = ["callReference", "iin", "number"];

export function normaliseRegistrationNumber(input: string) {
  return input.replace(/\s/g, "").toUpperCase();
}

export function parseLookupForm(
  values: LookupFormValues,
  fallbackLanguage: Language,
): { ok: true; value: LookupFormValue } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const call = callReferenceField.safeParse(values.callReference);
  if (!call.success) errors.callReference = call.error.issues[0].message;
  const iinText = values.iin.trim();
  const numberText = normaliseRegistrationNumber(values.number);
  let query: LookupFormValue["query"] | null = null;
  if (!iinText && !numberText) errors.iin = "callcenter:errors.queryRequired";
  else if (iinText && numberText) errors.number = "callcenter:errors.oneQuery";
  else if (iinText) {
    const iin = iinField.safeParse(iinText);
    if (iin.success) query = { kind: "iin", iin: iin.data };
    else errors.iin = iin.error.issues[0].message;
  } else if (REGISTRATION_NUMBER.test(numberText) || LIST_DECISION_NUMBER.test(numberText)) query = { kind: "registration_number", registrationNumber: numberText };
  else errors.number = "callcenter:errors.numberFormat";
  if (!call.success || !query) return { ok: false, errors };
  return { ok: true, value: { callReference: call.data, query, speak: isLanguage(values.speak) ? values.speak : fallbackLanguage } };
}

/**
 * The message to show while the agent is still typing an IIN: only what is already certain to be
 * wrong (a non-digit, too many digits, a complete IIN that fails the check), never "too short".
 */
export function iinWhileTyping(input: string): string | undefined {
  const compact = input.replace(/\s/g, "");
  if (!compact) return undefined;
  if (!/^\d*$/.test(compact) || compact.length > 12) return "auth:errors.iinFormat";
  if (compact.length < 12) return undefined;
  const parsed = iinField.safeParse(compact);
  return parsed.success ? undefined : parsed.error.issues[0].message;
}
