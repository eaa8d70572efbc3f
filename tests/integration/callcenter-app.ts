/**
 * The real Remix request handler over the real route modules (no build step): documents are rendered
 * by app/entry.server.tsx inside app/root.tsx, so the HTML a test reads is the HTML a browser gets,
 * hydration data included.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import * as entry from "../../app/entry.server";
import * as root from "../../app/root";
import * as consoleRoute from "../../app/routes/callcenter";
import * as historyRoute from "../../app/routes/callcenter_.history";
import * as adminRoute from "../../app/routes/admin.lookups";
import * as adminCsvRoute from "../../app/routes/admin.lookups[.]csv";
import * as accessRoute from "../../app/routes/cabinet.access";
import { csrfFor } from "../support/session";

type RouteSpec = { id: string; path: string; index?: boolean; module: Record<string, unknown> };

const specs: RouteSpec[] = [
  { id: "routes/callcenter", path: "callcenter", module: consoleRoute },
  { id: "routes/callcenter_.history", path: "callcenter/history", module: historyRoute },
  { id: "routes/admin.lookups", path: "admin/lookups", module: adminRoute },
  { id: "routes/admin.lookups[.]csv", path: "admin/lookups.csv", module: adminCsvRoute },
  { id: "routes/cabinet.access", path: "cabinet/access", module: accessRoute },
];

function build(): ServerBuild {
  const all = [{ id: "root", path: "", parentId: undefined, index: undefined, module: root }, ...specs.map((s) => ({ ...s, parentId: "root" }))];
  const routes = Object.fromEntries(all.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: undefined, module: r.module }]));
  const manifestRoutes = Object.fromEntries(
    all.map((r) => [
      r.id,
      {
        id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: undefined, module: `/build/${r.id}.js`, imports: [],
        hasAction: "action" in r.module, hasLoader: "loader" in r.module, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: "ErrorBoundary" in r.module,
      },
    ]),
  );
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: manifestRoutes, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

const handler = createRequestHandler(build(), "production");

/** The page as sent. app/entry.server.tsx strips React 18.3.1's stray NUL padding; a NUL here is a regression. */
const text = async (response: Response) => {
  const body = await response.text();
  if (body.includes("\u0000")) throw new Error("the rendered page contains NUL bytes");
  return body;
};

/** A session cookie plus a CSRF cookie and the token to put in forms. */
export const withCsrf = csrfFor;

export async function get(cookie: string | null, url: string, extraCookie?: string) {
  const headers = new Headers();
  const cookies = [cookie, extraCookie].filter(Boolean).join("; ");
  if (cookies) headers.set("Cookie", cookies);
  const response = await handler(new Request(`http://localhost${url}`, { headers }));
  return { status: response.status, location: response.headers.get("Location"), headers: response.headers, text: await text(response) };
}

export async function post(cookie: string, url: string, fields: Record<string, string>, extraCookie?: string) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  headers.set("Cookie", [cookie, extraCookie].filter(Boolean).join("; "));
  const response = await handler(new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() }));
  return { status: response.status, location: response.headers.get("Location"), headers: response.headers, text: await text(response) };
}
