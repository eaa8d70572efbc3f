import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData, Link,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage, languageCookieHeader } from "./i18n.server";
import { PageTitle, errorKind } from "./components/PageTitle";
import { isLanguage } from "../locales";
import { Layout as PageLayout } from "./components/Layout";
import { getCsrfToken } from "./csrf.server";
import { getUser } from "./session.server";
import { demoMode } from "./env.server";
import { useNonce } from "./nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await getLanguage(request);
  const headers = new Headers();
  const lngCookie = await languageCookieHeader(request, lng);
  if (lngCookie) headers.append("Set-Cookie", lngCookie);
  const csrf = await getCsrfToken(request);
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  const user = await getUser(request);
  const t = await getFixedT(request, "common");
  return data({ lng, csrf: csrf.token, user: user ? (user.kind === "staff" ? { kind: user.kind, role: user.staff.role } : { kind: user.kind }) : null, demo: demoMode(), title: `Komek — ${t("portalTagline")}` }, { headers });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  // An unmatched URL renders without the root loader's data: the request's language (the i18n
  // instance the server made for it, and the one the browser starts from <html lang>) still holds.
  const { i18n } = useTranslation();
  const lng = root?.lng ?? (isLanguage(i18n.language) ? i18n.language : "ru");
  const nonce = useNonce();
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageTitle lng={lng} />
        <Meta />
        <Links />
      </head>
      <body>
        <PageLayout lng={lng} user={root?.user ?? null} demo={root?.demo ?? false}>
          {children}
        </PageLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/**
 * Every route's errors end here, told as they are: 403 "you do not have access", 409 "changed
 * elsewhere, reload", an expired form token "your session expired, sign in again", 404, and only a real
 * server error says "try again later" — never "your data is saved", which nobody has checked.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("ui");
  const kind = errorKind(error);
  if (kind === "server") console.error(error);
  return (
    <div data-error={kind}>
      <h1>{t(`errorPage.${kind}.title`)}</h1>
      <p>{t(`errorPage.${kind}.text`)}</p>
      <ul>
        {kind === "conflict" ? (
          <li>
            <a href="">{t("errorPage.reload")}</a>
          </li>
        ) : null}
        {kind === "sessionExpired" ? (
          <li>
            <Link to="/login">{t("errorPage.signIn")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/">{t("errorPage.backHome")}</Link>
        </li>
      </ul>
    </div>
  );
}
