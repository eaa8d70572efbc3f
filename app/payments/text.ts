/** Server-side payment texts (SMS, files) in one language; the payments namespace of locales/. */
import type { TFunction } from "i18next";
import { plainT } from "../plain-text";
import type { Language } from "../../locales";


export function paymentsT(lng: Language): TFunction {
  return plainT(lng, "payments");
}

/** A refusal's key ("payments.errors.…") and parameters as a sentence in the language. */
export function paymentErrorText(error: { key: string; params: Record<string, string | number> }, lng: Language): string {
  return paymentsT(lng)(error.key.replace(/^payments\./, ""), error.params);
}
