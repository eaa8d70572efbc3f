/**
 * All translations, bundled for the server and the browser alike. A namespace is one JSON file per
 * language; add it to both lists (tests/unit locale parity test enforces equal keys).
 */
import ruCommon from "./ru/common.json";
import kkCommon from "./kk/common.json";
import ruServices from "./ru/services.json";
import kkServices from "./kk/services.json";

export const supportedLanguages = ["ru", "kk"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "ru";

export const resources = {
  ru: { common: ruCommon, services: ruServices },
  kk: { common: kkCommon, services: kkServices },
} as const;

export const namespaces = Object.keys(resources.ru) as (keyof (typeof resources)["ru"])[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}
