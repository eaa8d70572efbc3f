/**
 * Two habits of the route modules, checked on the source (issue 13, "while you are there"):
 * routes reach db/ and sms/ only through app/**\/*.server.ts modules, and read posted forms only
 * through one zod schema per form (parseForm in app/schemas/form.ts), never `form.get(…)` by hand.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const ROUTES = path.join(APP, "routes");
const routes = fs.readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const source = (file: string) => fs.readFileSync(path.join(ROUTES, file), "utf8");

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** The folder of the repository a specifier lands in ("db", "sms", "app", a package name). */
function topFolder(file: string, spec: string): string {
  if (spec.startsWith("~/")) spec = path.relative(ROUTES, path.join(APP, spec.slice(2)));
  if (!spec.startsWith(".")) return spec.split("/")[0]!;
  const target = path.resolve(ROUTES, spec);
  return path.relative(path.resolve(APP, ".."), target).split(path.sep)[0]!;
}

describe("routes reach db/ and sms/ only through app/**/*.server.ts", () => {
  it("finds the route modules", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it("sees an import of db/ written either way", () => {
    expect(specifiers('import { x } from "../../db/queries/x";\nimport { y } from "~/../db/client";').map((s) => topFolder("a.tsx", s))).toEqual(["db", "db"]);
    expect(specifiers('import { getDb } from "~/db.server";').map((s) => topFolder("a.tsx", s))).toEqual(["app"]);
  });

  it.each(routes)("%s imports nothing from db/ or sms/", (file) => {
    const outside = specifiers(source(file)).filter((s) => ["db", "sms"].includes(topFolder(file, s)));
    expect(outside, "move the data access into an app/**/*.server.ts module").toEqual([]);
  });
});

/**
 * Routes that may still read a form field by hand, and why. Each entry is a file name and its reason;
 * a stale entry (the file no longer reads fields by hand) fails too, so the list only shrinks.
 */
const HAND_READ_FORMS: Record<string, string> = {
  "staff.intake.$id.tsx": "a multipart scan upload: the file is read by hand, checked for size and typed by its first bytes; every string field goes through a schema",
  "verify.tsx": "a multipart file upload: parseForm reads strings only, the file is checked for size and presence",
};

describe("forms are read through one zod schema each", () => {
  it.each(routes)("%s does not read posted fields with form.get", (file) => {
    const reads = /\b(form|formData)\.get\(/.test(source(file));
    if (HAND_READ_FORMS[file]) expect(reads, `${file} is allowed (${HAND_READ_FORMS[file]}) but no longer needs it`).toBe(true);
    else expect(reads, "parse the form with parseForm and the form's zod schema").toBe(false);
  });
});
