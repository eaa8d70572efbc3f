/**
 * The e-application's step forms, one zod schema each (parsed with app/schemas/form.ts parseForm).
 * Plain modules: the browser may import them too. Messages are i18n keys.
 */
import { z } from "zod";
import { iinField, otpCodeField } from "../schemas/common";
import { RELATIONS } from "../domain/application-draft";

const confirmed = (message: string) => z.literal("yes", { error: message });

/** Members step: remove one, add one, or confirm the list (the default intent). */
export const membersForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("remove"), iin: z.string().regex(/^\d{12}$/, "auth:errors.iinFormat") }),
  z.object({ intent: z.literal("add"), iin: iinField, relation: z.enum(RELATIONS, { error: "apply:errors.relationRequired" }) }),
  z.object({ intent: z.literal("confirm"), confirm: confirmed("apply:errors.confirmMembers") }),
]);

/** The members form's fields with the intent defaulted to "confirm" (the main button posts none). */
export function membersFields(fields: Record<string, string>) {
  return { ...fields, intent: fields.intent === "add" || fields.intent === "remove" ? fields.intent : "confirm" };
}

export const incomesForm = z.object({ confirm: confirmed("apply:errors.confirmIncomes") });

/** Payment step: an account on file by its index, or "other" with an IBAN (checked against the registry afterwards). */
export const paymentForm = z
  .object({
    account: z.string({ error: "apply:errors.accountRequired" }).regex(/^(\d{1,2}|other)$/, "apply:errors.accountRequired"),
    iban: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.account !== "other") return;
    const iban = v.iban ?? "";
    if (!iban.trim()) ctx.addIssue({ code: "custom", path: ["iban"], message: "apply:errors.ibanRequired" });
    else if (iban.length > 60) ctx.addIssue({ code: "custom", path: ["iban"], message: "apply:errors.ibanFormat" });
  });

/** Consent step: send a code, or verify the six digits typed (spaces allowed). */
export const consentForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send") }),
  z.object({
    intent: z.literal("verify"),
    code: otpCodeField,
  }),
]);

export function consentFields(fields: Record<string, string>) {
  return { ...fields, intent: fields.intent === "send" ? "send" : "verify" };
}

/** A signed form (the citizen's review step, the head's signature): the text shown and its compact JWS. */
export function signedForm(maxLength: number, requiredMessage: string) {
  const field = z.string({ error: requiredMessage }).min(1, requiredMessage).max(maxLength, requiredMessage);
  return z.object({ payload: z.string({ error: requiredMessage }).max(maxLength, requiredMessage), signature: field });
}
