/** The `intake` namespace as a fixed-language t() without React: SMS texts are rendered on the server. */
import { createInstance } from "i18next";
import { resources, type Language } from "../../locales";

const i18n = createInstance();
void i18n.init({
  resources: { ru: { intake: resources.ru.intake }, kk: { intake: resources.kk.intake } },
  lng: "ru",
  fallbackLng: false, // a missing Kazakh text must fail loudly, not go out in Russian
  ns: ["intake"],
  defaultNS: "intake",
  interpolation: { escapeValue: false }, // SMS is plain text, not HTML
  initImmediate: false,
});

export function decisionSmsT(lng: Language) {
  return i18n.getFixedT(lng, "intake");
}
