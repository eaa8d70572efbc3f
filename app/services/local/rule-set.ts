/**
 * A district's local-assistance rules as data (issue 14, ADR 014): one JSON file per maslikhat act,
 * validated here at load. A new district is a new file reviewed like a legal text, not code.
 *
 * Pure module: no Remix, no db, no fs (the loader is acts.server.ts), so the browser bundle, the CLI
 * and the list generator (issue 14b) read the same types.
 */
import { z } from "zod";
import { BENEFIT_CATEGORIES, PERSON_FACT_KIND_LIST, type PersonFactKind } from "../../../db/schema/fact-kinds";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "not a calendar date");

/** MM-DD of a yearly date (an occasion). */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be MM-DD")
  .refine((v) => {
    const d = new Date(`2024-${v}T00:00:00Z`); // a leap year, so 02-29 is a real day
    return d.toISOString().slice(5, 10) === v;
  }, "not a calendar day");

const text = z.object({ ru: z.string().trim().min(1, "ru text is empty"), kk: z.string().trim().min(1, "kk text is empty") }).strict();
export type BilingualText = z.infer<typeof text>;

const factKind = z.enum(PERSON_FACT_KIND_LIST as [PersonFactKind, ...PersonFactKind[]]);

/**
 * Eligibility as conditions over registry facts (registry.person_facts), so a list is one set-based
 * query (issue 14b) and an application is checked against the same data:
 *   { "fact": "disability_group", "in": ["1","2","3"] }  — a current fact of that kind (value in the list)
 *   { "fact": "pension_recipient" }                       — any current fact of that kind
 *   { "age": { "min": 70 } } / { "age": { "max": 17 } }  — whole years on the day asked, bounds inclusive
 *   { "all": [...] }, { "any": [...] }, { "not": … }
 */
export type Condition =
  | { fact: PersonFactKind; in?: string[] }
  | { age: { min?: number; max?: number } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .object({ fact: factKind, in: z.array(z.string().min(1)).min(1).optional() })
      .strict()
      .superRefine((c, ctx) => {
        if (c.fact === "benefit_category" && c.in) {
          for (const [i, v] of c.in.entries()) {
            if (!(BENEFIT_CATEGORIES as readonly string[]).includes(v)) {
              ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["in", i], message: `unknown benefit category "${v}"` });
            }
          }
        }
      }),
    z
      .object({
        age: z
          .object({ min: z.number().int().min(0).max(130).optional(), max: z.number().int().min(0).max(130).optional() })
          .strict()
          .refine((a) => a.min !== undefined || a.max !== undefined, "age needs min or max")
          .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, "age min is above max"),
      })
      .strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

export const AMOUNT_UNITS = ["KZT", "MRP", "PM", "PERCENT"] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** What a PERCENT amount is a share of: the guaranteed sanatorium sum, the parents' preschool fee. */
export const PERCENT_BASES = ["sanatorium_guaranteed_sum", "preschool_fee"] as const;

const amountSchema = z
  .object({
    unit: z.enum(AMOUNT_UNITS),
    value: z.number().positive("amount must be positive"),
    /** "up to": the special commission sets the amount within this limit (clause 9). */
    upTo: z.boolean(),
    /** PERCENT only: of what. */
    of: z.enum(PERCENT_BASES).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.unit === "PERCENT" && !a.of) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["of"], message: "a PERCENT amount needs `of`" });
    if (a.unit !== "PERCENT" && a.of) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["of"], message: "`of` is only for PERCENT amounts" });
    if (a.unit === "PERCENT" && a.value > 100) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: "a percentage above 100" });
    if (a.unit === "KZT" && !Number.isInteger(a.value)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: "tenge are whole" });
  });
export type Amount = z.infer<typeof amountSchema>;

export const PERIODICITIES = ["one_off", "monthly", "quarterly", "half_yearly", "yearly", "heating_season"] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

const documentSchema = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]*$/), name: text }).strict();

const categorySchema = z
  .object({
    /** "7.5" (clause 7, sub-item 5) or "8.3.2" (clause 8, sub-item 3, its second paragraph). */
    code: z.string().regex(/^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/, 'code like "7.5" or "8.3.2"'),
    name: text,
    legalBasis: z.string().min(1),
    kind: z.enum(["holiday", "needs"]),
    /** MM-DD of the occasion (holiday categories only). */
    occasion: monthDay.nullable(),
    amount: amountSchema,
    /** Per-capita income of the person (family) not above value × ПМ; null: income is not considered. */
    incomeThreshold: z.object({ unit: z.literal("PM"), value: z.number().positive() }).strict().nullable(),
    periodicity: z.enum(PERIODICITIES),
    /** Paid without application, from lists (clauses 7, 8.7, 8.10, 10, 17). */
    byList: z.boolean(),
    /** The month the list is drawn up (8.10: October), when the act names one. */
    listMonth: z.number().int().min(1).max(12).nullable().optional(),
    /** The district (participatory) commission surveys the applicant's circumstances before the special commission. */
    survey: z.boolean(),
    /** Apply within this many months of the event (8.2: six months of the fire or disaster). */
    windowMonths: z.number().int().positive().nullable(),
    limits: z
      .object({
        timesPerYear: z.number().int().positive().optional(),
        maxDays: z.number().int().positive().optional(),
        /** Not more than the guaranteed sum of sanatorium treatment for people with disabilities. */
        capGuaranteedSanatoriumSum: z.boolean().optional(),
      })
      .strict()
      .nullable(),
    requiredDocuments: z.array(documentSchema),
    /** null: no registry condition (the survey and the documents decide, e.g. a fire). */
    eligibility: conditionSchema.nullable(),
    /** Wording the conditions cannot carry (e.g. "who did not remarry"): staff check it by the documents. */
    note: text.nullable().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === "holiday" && c.occasion === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["occasion"], message: "a holiday category needs its occasion (MM-DD)" });
    if (c.kind === "needs" && c.occasion !== null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["occasion"], message: "only holiday categories have an occasion" });
    if (c.kind === "holiday" && !c.byList) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["byList"], message: "holiday payments are made by lists (clause 10)" });
    if (c.survey && c.byList) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["survey"], message: "a by-list category has no survey" });
  });
export type Category = z.infer<typeof categorySchema>;

const groundSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    item: z.number().int().positive(),
    text: text,
    basis: z.string().min(1),
  })
  .strict();

const refusalGroundSchema = groundSchema.extend({
  /** Checked against the registry and Komek's own cases (clause 12 sub-item 4). */
  check: z.enum(["prior_assistance", "income_threshold"]).nullable().optional(),
  /** Categories this ground does not apply to, when an act says so. */
  notForCategories: z.array(z.string()).optional(),
});
export type RefusalGround = z.infer<typeof refusalGroundSchema>;

const terminationGroundSchema = groundSchema.extend({
  /** Payments stop from the month after the event, or from the event's date (clause 14). */
  effectiveFrom: z.enum(["next_month", "event_date"]),
  /** Categories this ground does not apply to (clause 14: ground 3 not for 8.1–8.2). */
  notForCategories: z.array(z.string()).optional(),
});
export type TerminationGround = z.infer<typeof terminationGroundSchema>;

const actRef = z.object({ number: z.string().min(1), date: isoDate, registration: z.string().nullable().optional() }).strict();

const actSchema = z
  .object({
    kato: z.string().regex(/^\d{9}$/, "KATO is nine digits"),
    district: text,
    body: text,
    decision: z.object({ number: z.string().min(1), date: isoDate }).strict(),
    registration: z.object({ number: z.string().min(1), date: isoDate }).strict().nullable(),
    /** First official publication; null when the source at hand does not give it (then `inForce.note` says how `from` was set). */
    publishedOn: isoDate.nullable(),
    inForce: z
      .object({
        from: isoDate,
        /** Last day the act applies; null while no repeal is known. */
        until: isoDate.nullable(),
        note: z.string().optional(),
      })
      .strict(),
    repealedBy: actRef.extend({ inForceFrom: isoDate, note: z.string().optional() }).strict().nullable(),
    repeals: z.array(actRef),
    typicalRules: z.object({ title: z.string().min(1), number: z.string().min(1), date: isoDate }).strict(),
    /** Which day's МРП / ПМ turn MRP and PM amounts into tenge: the day of the decision on the case. */
    valuationDate: z.literal("decision_date"),
    source: z.string().min(1),
  })
  .strict();
export type Act = z.infer<typeof actSchema>;

const occasionSchema = z.object({ item: z.number().int().positive(), date: monthDay, name: text }).strict();
export type Occasion = z.infer<typeof occasionSchema>;

export const ruleSetSchema = z
  .object({
    $schema: z.string().optional(),
    act: actSchema,
    occasions: z.array(occasionSchema),
    categories: z.array(categorySchema).min(1),
    refusalGrounds: z.array(refusalGroundSchema).min(1),
    terminationGrounds: z.array(terminationGroundSchema).min(1),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const { inForce, repealedBy } = rs.act;
    if (inForce.until !== null && inForce.until < inForce.from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["act", "inForce", "until"], message: "ends before it begins" });
    }
    if (rs.act.decision.date > inForce.from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["act", "inForce", "from"], message: "in force before the decision was taken" });
    }
    if (repealedBy) {
      const dayBefore = new Date(Date.parse(`${repealedBy.inForceFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (inForce.until !== dayBefore) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["act", "inForce", "until"],
          message: `must be ${dayBefore}, the day before the repealing act came into force`,
        });
      }
    }
    const codes = new Set<string>();
    rs.categories.forEach((c, i) => {
      if (codes.has(c.code)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["categories", i, "code"], message: `duplicate category ${c.code}` });
      codes.add(c.code);
      if (c.occasion !== null && !rs.occasions.some((o) => o.date === c.occasion)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["categories", i, "occasion"], message: `no occasion on ${c.occasion} in occasions` });
      }
    });
    const dates = new Set<string>();
    rs.occasions.forEach((o, i) => {
      if (dates.has(o.date)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["occasions", i, "date"], message: `duplicate occasion ${o.date}` });
      dates.add(o.date);
    });
    for (const [list, name] of [[rs.refusalGrounds, "refusalGrounds"], [rs.terminationGrounds, "terminationGrounds"]] as const) {
      const seen = new Set<string>();
      list.forEach((g, i) => {
        if (seen.has(g.code)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name, i, "code"], message: `duplicate ground ${g.code}` });
        seen.add(g.code);
      });
    }
    for (const [list, name] of [[rs.refusalGrounds, "refusalGrounds"], [rs.terminationGrounds, "terminationGrounds"]] as const) {
      list.forEach((g, i) =>
        g.notForCategories?.forEach((code, j) => {
          if (!codes.has(code)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name, i, "notForCategories", j], message: `no category ${code}` });
        }),
      );
    }
  });

export type RuleSet = z.infer<typeof ruleSetSchema>;

/** One problem of a file: where (a JSON path like categories[3].amount.unit) and what. */
export type RuleSetProblem = { path: string; message: string };

export function problemPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out || "(file)";
}

/** Parses an act file's JSON value: the rule set, or every problem with its path. */
export function parseRuleSet(value: unknown): { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] } {
  const parsed = ruleSetSchema.safeParse(value);
  if (parsed.success) return { ok: true, ruleSet: parsed.data };
  return { ok: false, problems: flattenIssues(parsed.error.issues) };
}

function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length > 0) {
      // A condition that fits no form: report the closest form's problems (fewest issues), not all five.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      if (best && best.length > 0 && !best.every((i) => i.code === "unrecognized_keys")) {
        out.push(...flattenIssues(best, path));
        continue;
      }
      out.push({ path: problemPath(path), message: "not a condition: use fact, age, all, any or not" });
      continue;
    }
    out.push({ path: problemPath(path), message: issue.message });
  }
  return out;
}

/** The act applies on `day` (ISO date): in force and not yet repealed. */
export function actAppliesOn(rs: RuleSet, day: string): boolean {
  return rs.act.inForce.from <= day && (rs.act.inForce.until === null || day <= rs.act.inForce.until);
}

/** The rule set in force for a district on a day among those loaded, or null (a repealed act never applies). */
export function pickInForce(ruleSets: readonly RuleSet[], kato: string, day: string): RuleSet | null {
  const matching = ruleSets.filter((rs) => rs.act.kato === kato && actAppliesOn(rs, day));
  if (matching.length > 1) {
    throw new Error(`two acts of district ${kato} are in force on ${day}: № ${matching.map((m) => m.act.decision.number).join(", № ")}`);
  }
  return matching[0] ?? null;
}

export function categoryOf(rs: RuleSet, code: string): Category | undefined {
  return rs.categories.find((c) => c.code === code);
}
