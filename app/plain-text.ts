/**
 * Texts rendered on the server as plain text in one fixed language — SMS, signed notices and talons,
 * payment and list texts. One i18next instance over every namespace, with no HTML escaping (the text is
 * not HTML) and no fallback language: a missing Kazakh text must fail loudly, not go out in Russian.
 */
import { createInstance, type TFunction } from "i18next";
import { namespaces, resources, type Language } from "../locales";

export const plainI18n = createInstance();
void plainI18n.init({
  resources,
  lng: "ru",
  fallbackLng: false,
  ns: namespaces,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  initImmediate: false, // resources are in memory: initialise synchronously
});

/** A t bound to one language, with `ns` as the namespace of unprefixed keys. */
export function plainT(lng: Language, ns: string): TFunction {
  return plainI18n.getFixedT(lng, ns);
}
