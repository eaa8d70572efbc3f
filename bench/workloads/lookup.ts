/**
 * lookup_p50 / lookup_p95: the 1414 look-up as the call-centre console runs it, measured by the
 * call-centre bench (cli/commands/bench-lookup.ts) on this run's database.
 */
import type { FreshDb } from "../../db/testing";
import { measureLookup } from "../../cli/commands/bench-lookup";
import { figure, type Figure } from "../report";

export async function lookupWorkload(fresh: FreshDb, persons: number, options: { samples: number; referenceDate: string; log: (line: string) => void }): Promise<Figure[]> {
  const { base, figures, sampled } = await measureLookup(fresh, { persons, samples: options.samples, referenceDate: options.referenceDate, log: options.log });
  const value = (name: string) => figures.find((f) => f.name === name)!.value;
  const detail = `${sampled} IINs, limit check + read + audit in 1 tx`;
  return [
    figure("lookup_p50", "ms", value("lookup_p50"), base.p50, persons, "persons by primary key, p50", detail),
    figure("lookup_p95", "ms", value("lookup_p95"), base.p95, persons, "persons by primary key, p95", detail),
  ];
}
