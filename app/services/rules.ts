/**
 * The definition in force on a day, as plain data in both languages: what `komek rules show <key> --json`
 * prints (names, channels with their deadlines and day kind, checks, grounds, workflow, signers).
 * Texts are resolved from locales/ so the printout says what the portal says.
 */
import { resources, supportedLanguages, type Language } from "../../locales";
import { RuleSetError, type ServiceDefinition } from "./definition";
import { findService } from "./registry";

/** "services:asp.title" → the text in `language`; an unknown key is an error, not an empty string. */
export function textOf(language: Language, key: string): string {
  const [ns, path] = key.includes(":") ? key.split(":", 2) : ["common", key];
  let node: unknown = (resources[language] as Record<string, unknown>)[ns];
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`missing text ${language}:${key}`);
  return node;
}

const bothLanguages = (key: string) => Object.fromEntries(supportedLanguages.map((l) => [l, textOf(l, key)])) as Record<Language, string>;

export type RulesQuery = { key: string; on: string; options?: Record<string, string | undefined> };

export class UnknownRulesError extends Error {}

export async function rulesInForce(query: RulesQuery) {
  const def: ServiceDefinition | undefined = findService(query.key);
  if (!def) throw new UnknownRulesError(`unknown service "${query.key}"`);
  if (def.inForce.from > query.on || (def.inForce.to !== null && def.inForce.to < query.on)) {
    throw new RuleSetError(`the rules of "${def.key}" are not in force on ${query.on} (in force ${def.inForce.from} – ${def.inForce.to ?? "…"})`);
  }
  const ruleSet = def.ruleSet ? await def.ruleSet({ on: query.on, options: query.options ?? {} }) : undefined;
  const base = {
    service: {
      key: def.key,
      names: bothLanguages(def.nameKey),
      numberPrefix: def.numberPrefix,
      legalBasis: def.legalBasis,
      inForce: def.inForce,
    },
    on: query.on,
    channels: def.channels.map((c) => ({ channel: c.channel, deadline: c.deadline, ...(c.extended ? { extended: c.extended } : {}), from: c.from, basis: c.basis })),
    checks: def.checks.map((c) => ({ code: c.code, names: bothLanguages(c.nameKey), basis: c.basis })),
    priorAssistance: def.priorAssistance,
    refusalGrounds: def.refusalGrounds.map((g) => ({ code: g.code, item: g.item, text: bothLanguages(g.legalKey), basis: g.basis, ...(g.barMonths ? { barMonths: g.barMonths } : {}) })),
    terminationGrounds: def.terminationGrounds.map((g) => ({ code: g.code, item: g.item, text: bothLanguages(g.legalKey), basis: g.basis, ...(g.effectiveFrom ? { effectiveFrom: g.effectiveFrom } : {}) })),
    workflow: def.workflow,
    signers: def.signers,
  };
  if (!ruleSet) return base as typeof base & Record<string, unknown>;
  // A rule set (a district's act) leads, at the top level: act, occasions, categories, and its own
  // refusal and termination grounds in place of the definition's; then the service's channels etc.
  const rest: Partial<typeof base> = { ...base };
  delete rest.refusalGrounds;
  delete rest.terminationGrounds;
  return { ...ruleSet, ...rest } as typeof base & Record<string, unknown>;
}
