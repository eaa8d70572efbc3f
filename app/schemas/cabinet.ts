/**
 * The cabinet's own forms, one zod schema each (parsed with app/schemas/form.ts parseForm). Plain
 * module: the browser may import it too. Messages are i18n keys.
 */
import { z } from "zod";
import { normalizeKzMobile } from "../domain/phone";
import { otpCodeField } from "./common";

/** A Kazakhstan mobile number as typed → E.164 (+77015550101). */
const mobileNumber = z
  .string({ error: "cabinet:phone.errors.numberRequired" })
  .trim()
  .min(1, "cabinet:phone.errors.numberRequired")
  .max(40, "cabinet:phone.errors.numberFormat")
  .transform((s, ctx) => {
    const phone = normalizeKzMobile(s);
    if (!phone) ctx.addIssue({ code: "custom", message: "cabinet:phone.errors.numberFormat" });
    return phone ?? "";
  });

/** /cabinet/phone: send a code to the number typed, or verify the code with the same number. */
export const phoneForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send"), number: mobileNumber }),
  z.object({ intent: z.literal("verify"), number: mobileNumber, code: otpCodeField }),
]);

/** The phone form's fields with the intent defaulted to "verify" (as the consent step's). */
export function phoneFields(fields: Record<string, string>) {
  return { ...fields, intent: fields.intent === "send" ? "send" : "verify" };
}

/** A form shown once carries a fresh id, so the same form submitted twice is one answer. */
const formId = z.string({ error: "formId" }).regex(/^[0-9a-f-]{36}$/, "formId");

/** /cabinet/offer: a quick choice from the list, or a typed answer (the same words as an SMS reply). */
export const offerAnswerForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("choice"), formId, quick: z.string({ error: "ui:offer.errors.choose" }).min(1, "ui:offer.errors.choose").max(1600, "ui:offer.errors.choose") }),
  z.object({
    intent: z.literal("text"),
    formId,
    answer: z.string({ error: "smsui:offer.errors.answerRequired" }).transform((s) => s.slice(0, 1600)).refine((s) => s.trim().length > 0, "smsui:offer.errors.answerRequired"),
  }),
]);

/** A quick choice posted without the intent (an older page) is still a choice. */
export function offerAnswerFields(fields: Record<string, string>) {
  const choice = fields.intent === "choice" || (fields.quick !== undefined && fields.answer === undefined);
  return { ...fields, intent: choice ? "choice" : "text" };
}
