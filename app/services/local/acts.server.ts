/**
 * Loads the district act files (issue 14, ADR 014): every `*.json` in the acts directory, each
 * validated by rule-set.ts. A new district, or a new act of a district, is a new file there — no code.
 * The directory is app/services/local/acts under the working directory, or KOMEK_ACTS_DIR.
 *
 * A file that does not validate stops the load with every problem and its path, so a malformed act
 * is never half-applied (`npx komek rules validate <file>` shows the same list before deploying).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseRuleSet, pickInForce, type RuleSet, type RuleSetProblem } from "./rule-set";

export const DEFAULT_ACTS_DIR = "app/services/local/acts";

export function actsDir(): string {
  return resolve(process.env.KOMEK_ACTS_DIR || DEFAULT_ACTS_DIR);
}

export class ActFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RuleSetProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  }
}

/** Reads and checks one act file: the rule set, or every problem (JSON syntax included) with its path. */
export function readActFile(file: string): { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return { ok: false, problems: [{ path: "(file)", message: `cannot read: ${(e as Error).message}` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: "(file)", message: `not JSON: ${(e as Error).message}` }] };
  }
  return parseRuleSet(value);
}

const cache = new Map<string, RuleSet[]>();

/** Every act in the directory (cached per directory); throws ActFileError on the first bad file. */
export function loadActs(dir = actsDir()): RuleSet[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch {
    names = [];
  }
  const acts = names.map((name) => {
    const file = join(dir, name);
    const read = readActFile(file);
    if (!read.ok) throw new ActFileError(file, read.problems);
    return read.ruleSet;
  });
  cache.set(dir, acts);
  return acts;
}

/** Forget loaded acts (tests; an administrator's new file is read on the next start). */
export function clearActsCache() {
  cache.clear();
}

/** The district's act in force on `day` (YYYY-MM-DD), or null: a repealed act never applies. */
export function ruleSetInForce(kato: string, day: string, dir = actsDir()): RuleSet | null {
  return pickInForce(loadActs(dir), kato, day);
}

/** The act a case was filed under (decided under it even after a repeal): district and decision number. */
export function ruleSetOfAct(kato: string, decisionNumber: string, dir = actsDir()): RuleSet | null {
  return loadActs(dir).find((rs) => rs.act.kato === kato && rs.act.decision.number === decisionNumber) ?? null;
}
