import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n";
import { isLanguage, defaultLanguage, supportedLanguages, type Language } from "../locales";

/** The language cookie: `?lng=ru|kk` sets it for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    // `?lng=` first, then the cookie, then Accept-Language.
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nConfig,
});

export async function getLanguage(request: Request): Promise<Language> {
  const lng = await i18next.getLocale(request);
  return isLanguage(lng) ? lng : defaultLanguage;
}

/** Set-Cookie for a request that chose its language explicitly, else undefined. */
export async function languageCookieHeader(request: Request, lng: Language) {
  const asked = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(asked)) return undefined;
  const current = await languageCookie.parse(request.headers.get("Cookie"));
  return current === lng ? undefined : languageCookie.serialize(lng);
}

const instances = new Map<Language, Promise<I18n>>();

/** One i18next instance per language, made once: resources are static and the language is fixed. */
export function createI18nInstance(lng: Language): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created.use(initReactI18next).init({ ...i18nConfig, lng }).then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}

/** `t` in the request's language, from the shared instance (remix-i18next would build one per call). */
export async function getFixedT(request: Request, ns?: string) {
  const lng = await getLanguage(request);
  return (await createI18nInstance(lng)).getFixedT(lng, ns);
}
