import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(__dirname, "../../locales");
const files = ["ru", "kk"].flatMap((lng) => fs.readdirSync(path.join(DIR, lng)).map((f) => path.join(lng, f)));

/** Keys defined twice in one object: JSON.parse keeps the last silently, and a text loses its name. */
function duplicateKeys(text: string): string[] {
  const dups: string[] = [];
  const stack: Set<string>[] = [];
  const re = /"((?:[^"\\]|\\.)*)"\s*(:)?|[{}]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === "{") stack.push(new Set());
    else if (m[0] === "}") stack.pop();
    else if (m[2]) {
      const keys = stack.at(-1)!;
      if (keys.has(m[1])) dups.push(m[1]);
      keys.add(m[1]);
    }
  }
  return dups;
}

describe("locale files", () => {
  it("the detector finds a duplicate", () => {
    expect(duplicateKeys('{"a": {"signedBy": "x {{name}}", "signedBy": "y"}}')).toEqual(["signedBy"]);
  });

  it.each(files)("%s defines every key once", (file) => {
    expect(duplicateKeys(fs.readFileSync(path.join(DIR, file), "utf8"))).toEqual([]);
  });
});
