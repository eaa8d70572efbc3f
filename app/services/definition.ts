/**
 * A service as data (ADR 013): everything a channel, a query or a page needs to know about one kind of
 * social assistance — its names, the prefix of its registration numbers, its channels and their
 * deadlines, its checks, its refusal and termination grounds, its workflow and who signs. ASP is the
 * first definition (app/services/asp/definition.ts); the next service is a new definition plus its own
 * steps, registered in app/services/registry.ts.
 *
 * Texts are i18n keys (ru and kk live in locales/), so a definition carries no language of its own.
 */
import { z } from "zod";
import { PERIODICITIES, type Periodicity } from "../payments/calendar";

export const CHANNELS = ["portal", "proactive", "centre", "akim"] as const;
export type ServiceChannelKey = (typeof CHANNELS)[number];

/** How a deadline is counted: working days on the Kazakhstan calendar, or calendar days. */
export type DayKind = "working" | "calendar";

export type Deadline = { days: number; dayKind: DayKind };

export type ServiceChannel = {
  channel: ServiceChannelKey;
  deadline: Deadline;
  /** The longer deadline when documents are insufficient, lost or damaged (local assistance, seed 001 clause 5). */
  extended?: Deadline;
  /** What the deadline counts from: registration (the application day) or the citizen's consent. */
  from: "application_day" | "consent";
  basis: string;
};

/** A check run on registration (ASP: clause 7-1): its code, the i18n key of its name, its legal basis. */
export type ServiceCheck = { code: string; nameKey: string; basis: string };

/** A refusal or termination ground: code, the item of the legal text, i18n key of its wording. */
export type ServiceGround = {
  code: string;
  item: number;
  legalKey: string;
  basis: string;
  /** Months a refusal on this ground bars a new application (ASP Annex 12 item 9 sub-items 2–4). */
  barMonths?: number;
  /** For termination grounds: payments stop from the next month or from the event's date (issue 14, clause 14). */
  effectiveFrom?: "next_month" | "event_date";
};

/**
 * Where the state records that this assistance was already assigned, paid or applied for — the
 * registry source "prior assistance" reads (ADR 012). null: only Komek's own live cases count.
 */
export type PriorAssistanceSource = "registry_asp_records" | null;

export type ServiceDefinition = {
  /** Lower-case key used in the database (applications.service) and URLs. */
  key: string;
  /** i18n keys of the full and short names. */
  nameKey: string;
  /** Registration numbers: PREFIX + two-digit year + "-" + six-digit counter (ASP26-000123). */
  numberPrefix: string;
  legalBasis: string;
  /** The day the rules in this definition came into force, and until when (null: still in force). */
  inForce: { from: string; to: string | null };
  channels: readonly ServiceChannel[];
  checks: readonly ServiceCheck[];
  priorAssistance: PriorAssistanceSource;
  refusalGrounds: readonly ServiceGround[];
  terminationGrounds: readonly ServiceGround[];
  /** The stages a case passes through (the cabinet's timeline) and the staff roles that act on it. */
  workflow: { stages: readonly string[]; actors: readonly string[] };
  /** Who signs the decision with ЭЦП. */
  signers: readonly ("head" | "specialist")[];
  /** Portal steps of the e-application (route segments under /applications/:id/), in order. */
  portalSteps: readonly string[];
  /**
   * Rules that depend on more than the day (a district's rule set, issue 14): `komek rules show <key>
   * --kato …` passes its options here and prints what comes back at the top level (act, occasions, categories, and
   * the act's own refusal and termination grounds in place of the definition's). Throw RuleSetError
   * when none is in force for the query.
   */
  ruleSet?: (query: RuleSetQuery) => Promise<Record<string, unknown>>;
  /**
   * How a signed assignment of this service becomes payment lines (issue 15, ADR 020): one line per
   * payment month of the decision's period — every month, quarter, half-year or year from its first
   * month, or once —, each for the decision's amount. Absent: Komek pays nothing for this service.
   */
  payments?: ServicePayments;
};

/**
 * `by_category`: the service has no periodicity of its own — each case's category under the district
 * act it was filed under says (local assistance: `local_cases`, the act files; ADR 023).
 */
export type ServicePayments = { periodicity: Periodicity | "by_category" };

export type RuleSetQuery = { on: string; options: Readonly<Record<string, string | undefined>> };

/** No rule set in force for the query (e.g. no act of that district on that day): the CLI exits 1. */
export class RuleSetError extends Error {}

const ground = z.object({
  code: z.string().min(1),
  item: z.number().int(),
  legalKey: z.string().min(1),
  basis: z.string(),
  barMonths: z.number().int().positive().optional(),
  effectiveFrom: z.enum(["next_month", "event_date"]).optional(),
});

const deadline = z.object({ days: z.number().int().positive(), dayKind: z.enum(["working", "calendar"]) });

/** Checked when a definition is registered, so a malformed one never reaches a route. */
export const serviceDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/),
  nameKey: z.string().min(1),
  numberPrefix: z.string().regex(/^[A-Z]{2,5}$/),
  legalBasis: z.string().min(1),
  inForce: z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }),
  channels: z
    .array(z.object({ channel: z.enum(CHANNELS), deadline, extended: deadline.optional(), from: z.enum(["application_day", "consent"]), basis: z.string() }))
    .min(1),
  checks: z.array(z.object({ code: z.string().min(1), nameKey: z.string().min(1), basis: z.string() })),
  priorAssistance: z.enum(["registry_asp_records"]).nullable(),
  refusalGrounds: z.array(ground),
  terminationGrounds: z.array(ground),
  workflow: z.object({ stages: z.array(z.string()).min(1), actors: z.array(z.string()) }),
  signers: z.array(z.enum(["head", "specialist"])).min(1),
  portalSteps: z.array(z.string()),
  ruleSet: z.custom<ServiceDefinition["ruleSet"]>((v) => v === undefined || typeof v === "function").optional(),
  payments: z.object({ periodicity: z.enum([...PERIODICITIES, "by_category"]) }).optional(),
});

export class UnknownServiceError extends Error {
  constructor(readonly key: string) {
    super(`unknown service "${key}"`);
  }
}

/** The channel's entry, or an error: a service that does not accept a channel must not register by it. */
export function channelOf(def: ServiceDefinition, channel: string): ServiceChannel {
  const found = def.channels.find((c) => c.channel === channel);
  if (!found) throw new RangeError(`service "${def.key}" has no channel "${channel}"`);
  return found;
}

/**
 * Any service's registration number as db/queries/applications.ts numberAndRegister writes it: the
 * service's prefix (2–5 capitals), the two-digit year, "-", the six-digit counter (ASP26-000123).
 */
export const REGISTRATION_NUMBER = /^[A-Z]{2,5}\d{2}-\d{6}$/;
