import { z } from "zod";
import { parseIin } from "../domain/iin";

/** An IIN field: messages are i18n keys (auth namespace), shown next to the field and in the summary. */
export const iinField = z
  .string({ error: "auth:errors.iinRequired" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(
    z
      .string()
      .min(1, "auth:errors.iinRequired")
      .regex(/^\d{12}$/, "auth:errors.iinFormat")
      .refine((s) => parseIin(s).valid, "auth:errors.iinInvalid"),
  );

/** A one-time code from an SMS: six digits, spaces as typed allowed. */
export const otpCodeField = z
  .string({ error: "apply:errors.codeRequired" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(z.string().min(1, "apply:errors.codeRequired").regex(/^\d{6}$/, "apply:errors.codeFormat"));

/** zod issues → { field: firstMessage }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
