import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources, supportedLanguages } from "../../locales";

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));

const root = path.resolve(__dirname, "../../locales");
const filesOf = (lng: string) => fs.readdirSync(path.join(root, lng)).filter((f) => f.endsWith(".json")).sort();

describe("translations", () => {
  it("every namespace file exists in both languages", () => {
    expect(filesOf("kk")).toEqual(filesOf("ru"));
  });

  it("every namespace file is bundled in locales/index.ts", () => {
    for (const lng of supportedLanguages) {
      expect(Object.keys(resources[lng]).sort()).toEqual(filesOf(lng).map((f) => f.replace(/\.json$/, "")).sort());
    }
  });

  for (const file of filesOf("ru")) {
    it(`${file} has the same keys in ru and kk, none empty`, () => {
      const ru = Object.fromEntries(flatten(JSON.parse(fs.readFileSync(path.join(root, "ru", file), "utf8"))));
      const kk = Object.fromEntries(flatten(JSON.parse(fs.readFileSync(path.join(root, "kk", file), "utf8"))));
      expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
      const empty = [...Object.entries(ru), ...Object.entries(kk)].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${file} uses the same interpolation variables in ru and kk`, () => {
      const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const ru = flatten(JSON.parse(fs.readFileSync(path.join(root, "ru", file), "utf8")));
      const kk = Object.fromEntries(flatten(JSON.parse(fs.readFileSync(path.join(root, "kk", file), "utf8"))));
      const mismatched = ru.filter(([k, v]) => kk[k] !== undefined && vars(v).join() !== vars(kk[k]).join()).map(([k]) => k);
      expect(mismatched).toEqual([]);
    });
  }

  it("Kazakh texts are written in Kazakh, not copied from Russian", () => {
    // Proper names, numbers and short labels may coincide; whole sentences must not.
    const same: string[] = [];
    for (const file of filesOf("ru")) {
      const ru = flatten(JSON.parse(fs.readFileSync(path.join(root, "ru", file), "utf8")));
      const kk = Object.fromEntries(flatten(JSON.parse(fs.readFileSync(path.join(root, "kk", file), "utf8"))));
      for (const [k, v] of ru) if (v.split(/\s+/).length > 3 && kk[k] === v) same.push(`${file}:${k}`);
    }
    expect(same).toEqual([]);
  });
});
