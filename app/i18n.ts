import { resources, supportedLanguages, defaultLanguage, namespaces } from "../locales";

/** i18next options shared by the server render and the browser. */
export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  ns: namespaces,
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};
