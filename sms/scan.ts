/**
 * Finding the families to offer the proactive service to (seed 000, clause 6): the rules are in one set-based statement
 * (db/queries/offers.ts scanAndCreateOffers); this module fixes its inputs — the last full quarter
 * by the Kazakhstan calendar, the poverty line's year, the offer's deadlines and the first SMS.
 */
import type { Tx } from "../db/client";
import { scanAndCreateOffers, type ScanSummary } from "../db/queries/offers";
import { nationalParameters } from "../db/queries/parameters";
import { kzDate } from "../app/domain/kz-time";
import { quarterBefore, quarterLabel } from "../app/domain/income";
import { defaultOfferPolicy, startOffer, type OfferPolicy } from "./machine";
import { allServices, getService } from "../app/services/registry";

export type { ScanSummary } from "../db/queries/offers";

export type ScanOptions = {
  now: Date;
  /** The service offered; by default the one whose definition has a proactive channel. */
  service?: string;
  katoPrefix?: string;
  /** The poverty line's year; defaults to the current year in Kazakhstan. */
  year?: number;
  dryRun?: boolean;
  policy?: OfferPolicy;
  cooldownDays: number;
};

export class ScanError extends Error {}

/** The service the proactive scan offers: the one definition with a proactive channel. */
function proactiveService() {
  const found = allServices().filter((d) => d.channels.some((c) => c.channel === "proactive"));
  if (found.length !== 1) throw new ScanError(`name the service to scan for: ${found.map((d) => d.key).join(", ") || "none has a proactive channel"}`);
  return found[0];
}

export async function runProactiveScan(db: Tx, options: ScanOptions): Promise<ScanSummary & { quarter: string; year: number; povertyLine: number }> {
  const today = kzDate(options.now);
  const service = options.service ? getService(options.service) : proactiveService();
  const year = options.year ?? Number(today.slice(0, 4));
  const katoPrefix = options.katoPrefix ?? "";
  if (!/^\d{0,9}$/.test(katoPrefix)) throw new ScanError(`--kato must be up to 9 digits, got "${katoPrefix}"`);
  const parameters = await nationalParameters(db, year);
  if (!parameters) throw new ScanError(`no poverty line for ${year} in yearly_parameters`);
  // The last full quarter, as the portal and the specialist count it for an application made today.
  const quarter = quarterBefore(today);
  const policy = options.policy ?? defaultOfferPolicy;
  // Every offer of a run starts from the same state; the SQL fills in each family's account.
  const start = (language: "ru" | "kk") => startOffer({ language, sentAt: options.now, accountLast4: null }, policy);
  const ru = start("ru");
  const kk = start("kk");
  const summary = await scanAndCreateOffers(db, {
    service: service.key,
    priorSource: service.priorAssistance,
    today,
    quarterFrom: quarter.from,
    quarterTo: quarter.to,
    quarterLabel: quarterLabel(quarter),
    year,
    katoPrefix,
    cooldownSince: new Date(options.now.getTime() - options.cooldownDays * 86_400_000),
    dryRun: options.dryRun ?? false,
    now: options.now,
    remindAt: new Date(ru.state.remindAt),
    expiresAt: new Date(ru.state.expiresAt),
    initialState: { ru: ru.state, kk: kk.state },
    offerText: { ru: ru.messages[0].text, kk: kk.messages[0].text },
  });
  return { ...summary, quarter: quarterLabel(quarter), year, povertyLine: parameters.povertyLine };
}
