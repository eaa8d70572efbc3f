import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "../../locales";
import { errorKind, hasFormErrors } from "../../app/components/PageTitle";

const ROUTES = path.resolve(__dirname, "../../app/routes");
const pages = fs.readdirSync(ROUTES).filter((f) => f.endsWith(".tsx") && fs.readFileSync(path.join(ROUTES, f), "utf8").includes("export default"));

function lookup(lng: "ru" | "kk", key: string): unknown {
  const [ns, rest] = key.split(":");
  return rest.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], (resources[lng] as Record<string, unknown>)[ns]);
}

describe("page titles", () => {
  it.each(pages)("%s names its own title", (file) => {
    const source = fs.readFileSync(path.join(ROUTES, file), "utf8");
    const handle = source.match(/export const handle: TitleHandle = \{ title: (.+) \};/);
    expect(handle, "a page without handle.title gets only the portal's title").not.toBeNull();
    // A plain key must exist in both languages; a function names keys inside it.
    for (const key of handle![1].match(/"([a-z]+:[A-Za-z_.]+)"/g) ?? []) {
      for (const lng of ["ru", "kk"] as const) expect(typeof lookup(lng, key.slice(1, -1)), `${lng} ${key}`).toBe("string");
    }
  });

  it("prefixes «Ошибка:» only when the form came back with errors", () => {
    expect(hasFormErrors({ errors: { code: "apply:errors.codeWrong" } })).toBe(true);
    expect(hasFormErrors({ errors: {}, signatureError: "auth:errors.reasons.expired" })).toBe(true);
    expect(hasFormErrors({ errors: {} })).toBe(false);
    expect(hasFormErrors({ errors: { code: undefined } })).toBe(false);
    expect(hasFormErrors({ sent: true })).toBe(false);
    expect(hasFormErrors(undefined)).toBe(false);
  });
});

describe("error pages tell the truth", () => {
  const response = (status: number, data: unknown = null) => ({ status, statusText: "", internal: false, data });
  it.each([
    [404, null, "notFound"],
    [403, "Forbidden", "forbidden"],
    [403, "Invalid or missing form token. Reload the page and try again.", "sessionExpired"],
    [409, "Conflict", "conflict"],
    [413, null, "tooLarge"],
    [429, null, "tooMany"],
    [500, null, "server"],
  ] as const)("%i %j is %s", (status, data, kind) => {
    expect(errorKind(response(status, data))).toBe(kind);
  });

  it("a thrown Error is a server error", () => {
    expect(errorKind(new Error("boom"))).toBe("server");
  });

  it("no error page claims the data is saved", () => {
    for (const lng of ["ru", "kk"] as const) {
      const pages = resources[lng].ui.errorPage as Record<string, { text?: string }>;
      for (const page of Object.values(pages)) if (typeof page === "object") expect(page.text).not.toMatch(/данные сохранены|Деректеріңіз сақталды/);
    }
  });
});
