import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData, Link,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage, languageCookieHeader } from "./i18n.server";
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
  return data({ lng, csrf: csrf.token, user: user ? { kind: user.kind } : null, demo: demoMode(), title: `Komek — ${t("portalTagline")}` }, { headers });
}

/** Pages without a title of their own get the portal's. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Komek" }];

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const lng = root?.lng ?? "ru";
  const nonce = useNonce();
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
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

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <div>
      <h1>{t(notFound ? "errors.notFoundTitle" : "errors.serverErrorTitle")}</h1>
      <p>{t(notFound ? "errors.notFoundText" : "errors.serverErrorText")}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
