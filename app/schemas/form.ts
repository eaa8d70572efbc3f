/**
 * One zod schema per form, the same module on the server and in the browser (as app/callcenter/lookup-form.ts):
 * parseForm turns the posted fields into the schema's input — each field's first value, strings only,
 * files ignored — and answers with the parsed data or the field errors (i18n keys) and the values to
 * show again, cut to a length that cannot blow up the page.
 */
import type { z } from "zod";
import type { FieldErrors } from "../components/forms";
import { fieldErrors } from "./common";

export type ParsedForm<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** The form's string fields (first value of each name). */
export function formFields(form: FormData | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !(name in out)) out[name] = value;
  return out;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData | URLSearchParams | Record<string, string>, echoMax = 100): ParsedForm<z.infer<S>> {
  const fields = form instanceof FormData || form instanceof URLSearchParams ? formFields(form) : form;
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.slice(0, echoMax)]));
  const parsed = schema.safeParse(fields);
  return parsed.success ? { ok: true, data: parsed.data, values } : { ok: false, errors: fieldErrors(parsed.error), values };
}
