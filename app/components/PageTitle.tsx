/**
 * Every page's own <title>: the route's `handle.title` (an i18n key, or a function of the loader data),
 * then "— Komek". When the submitted form came back with errors the title starts with «Ошибка:» /
 * «Қате:» (GOV.UK), so a screen-reader user hears it before anything else; an error page is titled by
 * what went wrong.
 *
 * The root renders it in <head>, before the page itself renders, so it reads the action data of the
 * submitted route from the router state (what useActionData reads for its own route).
 */
import { useContext } from "react";
import { isRouteErrorResponse, useMatches } from "@remix-run/react";
import { UNSAFE_DataRouterStateContext } from "react-router";
import { useTranslation } from "react-i18next";
import type { Language } from "../../locales";

type T = (key: string, options?: Record<string, unknown>) => string;
export type TitleHandle = { title: string | ((t: T, data: unknown) => string) };

/** Does an action's answer carry form errors? (`errors` with any message, or a signature verdict.) */
export function hasFormErrors(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  const d = data as { errors?: Record<string, unknown>; signatureError?: unknown };
  return (!!d.errors && Object.values(d.errors).some(Boolean)) || !!d.signatureError;
}

/** The error page's kind: what the person is told, by status. */
export function errorKind(error: unknown): "notFound" | "forbidden" | "conflict" | "sessionExpired" | "tooLarge" | "tooMany" | "server" {
  if (!isRouteErrorResponse(error)) return "server";
  const text = typeof error.data === "string" ? error.data : "";
  if (error.status === 404) return "notFound";
  if (error.status === 403 && /token/i.test(text)) return "sessionExpired";
  if (error.status === 401 || error.status === 419) return "sessionExpired";
  if (error.status === 403) return "forbidden";
  if (error.status === 409) return "conflict";
  if (error.status === 413 || error.status === 411) return "tooLarge";
  if (error.status === 429) return "tooMany";
  return "server";
}

export function PageTitle({ lng }: { lng: Language }) {
  const matches = useMatches();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const { t } = useTranslation(["common", "ui"], { lng });
  const routeError = state?.errors ? Object.values(state.errors)[0] : undefined;
  let title: string;
  if (routeError !== undefined) {
    title = t(`ui:errorPage.${errorKind(routeError)}.title`);
  } else {
    const leaf = [...matches].reverse().find((m) => (m.handle as TitleHandle | undefined)?.title);
    const handle = leaf?.handle as TitleHandle | undefined;
    title = handle ? (typeof handle.title === "string" ? t(handle.title) : handle.title(t as T, leaf!.data)) : t("common:portalTagline");
    // A POST form's errors come back as action data; a GET form's (/verify by number) as the page's loader data.
    const actionData = state?.actionData ? Object.values(state.actionData) : [];
    if (actionData.some(hasFormErrors) || hasFormErrors(matches.at(-1)?.data)) title = `${t("common:errors.prefix")} ${title}`;
  }
  return <title>{`${title} — Komek`}</title>;
}
