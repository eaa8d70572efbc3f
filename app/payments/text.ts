/** Server-side payment texts (SMS, files) in one language; the payments namespace of locales/. */
import { createInstance, type TFunction } from "i18next";
import { resources, type Language } from "../../locales";

const i18n = createInstance();
void i18n.init({
  resources: { ru: { payments: resources.ru.payments }, kk: { payments: resources.kk.payments } },
  lng: "ru",
  fallbackLng: false,
  ns: ["payments"],
  defaultNS: "payments",
  interpolation: { escapeValue: false },
  initImmediate: false,
});

export function paymentsT(lng: Language): TFunction {
  return i18n.getFixedT(lng, "payments");
}

/** A refusal's key ("payments.errors.…") and parameters as a sentence in the language. */
export function paymentErrorText(error: { key: string; params: Record<string, string | number> }, lng: Language): string {
  return paymentsT(lng)(error.key.replace(/^payments\./, ""), error.params);
}
