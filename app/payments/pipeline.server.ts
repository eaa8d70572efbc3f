/**
 * The payment pipeline (issue 15, seed 003 clauses 13–15 and 18–24): the schedule from signed
 * decisions, the day's demands, the district's transfers, the payment orders and their files, returns,
 * corrected accounts and terminations. The calendar is the pure app/payments/calendar.ts; the SQL is
 * db/queries/payments.ts; every action writes a row of the append-only payment audit.
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import path from "node:path";
import { getDb, type Tx } from "../db.server";
import { gatewayIn } from "../gateway.server";
import { queueSms } from "../sms.server";
import * as q from "../../db/queries/payments";
import { kzCalendar as cal, isWorkingDay } from "../domain/workdays";
import { isIsoDate, kzDate, type IsoDate } from "../domain/kz-time";
import { makeKzIban, parseKzIban } from "../domain/iban";
import { paymentsT } from "./text";
import type { Language } from "../../locales";
import {
  DAILY_PERIODICITIES, demandDate, demandSendBy, monthOf, ordersDueBy, PERIODICITY_STEP, type Periodicity, returnIsLate, returnRecordBy, returnToDistrictBy, terminationStart, transferWindow,
  TERMINATION_GROUNDS, undueTiyn, workingDayOnOrAfter, type TerminationGround,
} from "./calendar";
import { canonicalJson } from "../signature/canonical";
import { allServices } from "../services/registry";
import { applyRecovery, type RecoveryAction } from "./recovery";
import { kazpostCsv, pain001, readStatusReport, ReturnFileError, sumTiyn, tiynToDecimal, type Order, type Party } from "./files";

export type PaymentActor = { label: string; role: string; staffId: number | null; officeCode?: string | null };
export const SYSTEM: PaymentActor = { label: "system", role: "system", staffId: null };

/** A refusal with an i18n key (namespace payments) and its parameters; nothing was changed. */
export class PaymentError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "PaymentError";
  }
}

/**
 * The State Corporation's account the orders are paid from. Defaults are demo values (a valid KZ IBAN
 * at the Treasury's BIC); set PAYMENTS_DEBTOR_IBAN, PAYMENTS_DEBTOR_BIC, PAYMENTS_DEBTOR_BIN and
 * PAYMENTS_DEBTOR_NAME for a real one.
 */
export function debtor(): Party {
  return {
    name: process.env.PAYMENTS_DEBTOR_NAME ?? "НАО «Государственная корпорация «Правительство для граждан»",
    bin: process.env.PAYMENTS_DEBTOR_BIN ?? "160440007161",
    iban: process.env.PAYMENTS_DEBTOR_IBAN ?? makeKzIban("070", "KZT0000000001"),
    bic: process.env.PAYMENTS_DEBTOR_BIC ?? "KKMFKZ2A",
  };
}

function assertDate(date: string) {
  if (!isIsoDate(date)) throw new PaymentError("payments.errors.date", { date });
}

async function audit(tx: Tx, actor: PaymentActor, action: string, subject: string, details: unknown, now: Date) {
  await q.insertPaymentAudit(tx, { at: now, actorLabel: actor.label, actorRole: actor.role, action, subject, details });
}

export type RunSummary = {
  date: IsoDate;
  workingDay: boolean;
  /** New accounts, new lines of assignments, new lines of list grants (ADR 023). */
  schedule: { accounts: number; lines: number; grants: number };
  terminations: { applicationId: string; ground: TerminationGround; stopFrom: IsoDate; stopped: number; overpaid: number; overpaidTiyn: number }[];
  /** Unpaid list-grant lines stopped because their recipient died (ADR 023). */
  grantsStopped: { lines: number; totalTiyn: number };
  demands: { demands: number; lines: number; totalTiyn: number; months: string[] };
  orders: { orders: number; items: number; totalTiyn: number };
  returnsToDistrict: { items: number; totalTiyn: number };
  lines: Record<string, number>;
};

/**
 * Every registered service whose definition says how its assignments are paid (ADR 020); a service
 * paid `by_category` (local assistance, ADR 023) has no periodicity of its own (null): each case's
 * category says, from `categorySchedules`.
 */
export function paymentSchedules(): q.ServiceSchedule[] {
  return allServices().flatMap((def) => {
    if (!def.payments) return [];
    const p = def.payments.periodicity;
    return [p === "by_category" ? { service: def.key, periodicity: null, step: null } : { service: def.key, periodicity: p, step: PERIODICITY_STEP[p] }];
  });
}

/**
 * The periodicity of every category of every loaded district act (app/services/local/acts), for the
 * services paid by category; empty when none is. One row per act and category, so the schedule stays
 * one set-based statement whatever the number of decisions.
 */
export async function categorySchedules(schedules: q.ServiceSchedule[]): Promise<q.CategorySchedule[]> {
  if (!schedules.some((s) => s.periodicity === null)) return [];
  const { loadActs } = await import("../services/local/acts.server");
  return loadActs().flatMap((rs) =>
    rs.categories.map((c) => ({ kato: rs.act.kato, act: rs.act.decision.number, code: c.code, periodicity: c.periodicity, step: PERIODICITY_STEP[c.periodicity as Periodicity] })),
  );
}

/**
 * What is due on `date`: new lines from newly signed decisions, terminations from registry events,
 * the demands whose clause 19 date has come (later ones as supplementary demands), and on a working
 * day the payment orders of every transferred demand. Re-running the same day adds nothing.
 */
export async function runPayments(date: IsoDate, opts: { now?: Date; actor?: PaymentActor } = {}): Promise<RunSummary> {
  assertDate(date);
  const now = opts.now ?? new Date();
  const actor = opts.actor ?? SYSTEM;
  const { db } = await getDb();
  const workingDay = isWorkingDay(date, cal);
  return db.transaction(async (tx) => {
    await tx.execute(lockSql);
    const schedules = paymentSchedules();
    const schedule = await q.scheduleLines(tx, now, schedules, await categorySchedules(schedules));
    const terminations: RunSummary["terminations"] = [];
    for (const event of await q.registryEventCandidates(tx, date)) {
      const result = await terminateIn(tx, { service: event.service, applicationId: event.application_id, ground: event.ground, eventDate: event.event_date, source: "registry", recordedOn: date, actor, now });
      if (result) terminations.push({ applicationId: event.application_id, ground: event.ground, ...result });
    }
    // List grants have no assignment to terminate: their unpaid lines stop on the recipient's death (ADR 023).
    const grantsStopped = await q.stopGrantLinesOfDead(tx, date);
    if (grantsStopped.lines > 0) await audit(tx, actor, "stop_grant_lines", `grants:${date}`, { ground: "death", ...grantsStopped }, now);
    const plan: q.DemandPlan[] = [];
    const sentOn = workingDayOnOrAfter(date, cal);
    for (const month of await q.scheduledMonths(tx, false, DAILY_PERIODICITIES)) {
      const dueOn = demandDate({ periodicity: "monthly", month }, cal);
      if (dueOn > date) continue;
      const window = transferWindow(sentOn, month, cal);
      plan.push({ month, dueOn, kind: date <= dueOn ? "scheduled" : "supplementary", transferEarliest: window.earliest, transferDue: window.dueBy });
    }
    // Clause 19: one-off payments — and those the 29th rule does not name (half-yearly, yearly, heating
    // season: calendar.demandRule) — are demanded every working day, from their payment month on.
    for (const month of await q.scheduledMonths(tx, true, DAILY_PERIODICITIES)) {
      if (month > monthOf(date)) continue;
      const window = transferWindow(sentOn, month, cal);
      plan.push({ month, dueOn: demandDate({ periodicity: "one_off", month, on: date }, cal), kind: "one_off", transferEarliest: window.earliest, transferDue: window.dueBy });
    }
    const formed = await q.formDemands(tx, { formedOn: date, sendBy: demandSendBy(date, cal), sentOn, plan, dailyPeriodicities: DAILY_PERIODICITIES });
    if (formed.demands > 0) await audit(tx, actor, "form_demands", `demands:${date}`, { ...formed, months: plan.map((p) => p.month) }, now);
    const orders = workingDay ? await q.createOrders(tx, { orderDate: date, now }) : { orders: 0, items: 0, totalTiyn: 0 };
    if (orders.orders > 0) await audit(tx, actor, "create_orders", `orders:${date}`, orders, now);
    // Clause 23: returned sums not paid out again go back to the district body by the month's last working day.
    const returnsToDistrict = workingDay ? await q.returnToDistrict(tx, date) : { items: 0, totalTiyn: 0 };
    if (returnsToDistrict.items > 0) await audit(tx, actor, "return_to_district", `returns:${date}`, returnsToDistrict, now);
    return {
      date, workingDay, schedule, terminations, grantsStopped,
      demands: { ...formed, months: formed.demands > 0 ? [...new Set(plan.map((p) => p.month))] : [] },
      orders, returnsToDistrict, lines: await q.lineCounts(tx),
    };
  });
}

/** One run at a time: the set-based steps count on seeing each other's results. */
const lockSql = sql`SELECT pg_advisory_xact_lock(hashtext('komek.payments.run'))`;

export type TransferResult = { demandId: number; on: IsoDate; late: boolean; ordersDue: IsoDate; totalTiyn: number };

/**
 * Clause 20: the district finance officer records the transfer for a demand. Refused before the
 * demand was received, before the 1st for a demand of the 27th, on a day off, twice, or by an officer
 * of another district.
 */
export async function recordTransfer(demandId: number, on: IsoDate, opts: { actor: PaymentActor; now?: Date }): Promise<TransferResult> {
  assertDate(on);
  const now = opts.now ?? new Date();
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const demand = await q.findDemand(tx, demandId);
    if (!demand) throw new PaymentError("payments.errors.noDemand", { id: demandId });
    if (opts.actor.officeCode && opts.actor.officeCode !== demand.officeCode) throw new PaymentError("payments.errors.otherDistrict");
    if (demand.transferredOn) throw new PaymentError("payments.errors.alreadyTransferred", { date: demand.transferredOn });
    if (!isWorkingDay(on, cal)) throw new PaymentError("payments.errors.notWorkingDay", { date: on });
    if (on < demand.sentOn) throw new PaymentError("payments.errors.beforeDemand", { date: demand.sentOn });
    if (on < demand.transferEarliest) throw new PaymentError("payments.errors.heldTo1st", { date: demand.transferEarliest });
    const ordersDue = ordersDueBy(on, cal);
    await q.recordTransfer(tx, { demandId, on, ordersDue, staffId: opts.actor.staffId });
    const late = on > demand.transferDue;
    await audit(tx, opts.actor, "record_transfer", `demand:${demandId}`, { on, totalTiyn: demand.totalTiyn, due: demand.transferDue, late }, now);
    return { demandId, on, late, ordersDue, totalTiyn: demand.totalTiyn };
  });
}

/** Every demand that may be funded on `on` (CLI stand-in for the district officers); returns what was recorded. */
export async function transferDue(on: IsoDate, opts: { actor: PaymentActor; now?: Date; officeCode?: string }): Promise<TransferResult[]> {
  assertDate(on);
  const { db } = await getDb();
  const open = await q.listDemands(db, { officeCode: opts.officeCode, untransferred: true, limit: 10_000 });
  const results: TransferResult[] = [];
  if (!isWorkingDay(on, cal)) return results;
  for (const d of open) if (d.transferEarliest <= on && d.sentOn <= on) results.push(await recordTransfer(d.id, on, opts));
  return results;
}

export type WrittenFile = { file: string; msgId: string; channel: "bank" | "kazpost"; bic: string; lines: number; controlSum: string };

/** Clause 21: writes the day's orders, one pain.001.001.03 per bank and one CSV list for Kazpost. */
export async function writeOrderFiles(date: IsoDate, dir: string, opts: { actor?: PaymentActor; now?: Date } = {}): Promise<WrittenFile[]> {
  assertDate(date);
  const { db } = await getDb();
  const rows = await q.orderFileRows(db, date);
  const byOrder = new Map<number, q.OrderFileRow[]>();
  for (const r of rows) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r]);
  fs.mkdirSync(dir, { recursive: true });
  const written: WrittenFile[] = [];
  const party = debtor();
  for (const items of byOrder.values()) {
    const head = items[0];
    const order: Order = {
      msgId: head.msgId,
      createdAt: head.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      executionDate: date,
      debtor: party,
      items: items.map((i) => ({
        endToEndId: i.endToEndId, amountTiyn: i.amountTiyn, iban: i.iban, bic: i.itemBic, name: i.name, iin: i.iin,
        remittance: `${i.service.toUpperCase()} ${i.month} ${i.legalBasis}`,
      })),
    };
    if (sumTiyn(order.items) !== head.totalTiyn || order.items.length !== head.lineCount) {
      throw new Error(`order ${head.msgId}: items do not add up to the order's control sum`);
    }
    const file = path.join(dir, `${head.msgId}.${head.channel === "kazpost" ? "csv" : "xml"}`);
    fs.writeFileSync(file, head.channel === "kazpost" ? kazpostCsv(order) : pain001(order));
    written.push({ file, msgId: head.msgId, channel: head.channel, bic: head.bic, lines: items.length, controlSum: tiynToDecimal(head.totalTiyn) });
  }
  if (written.length > 0) {
    await audit(db, opts.actor ?? SYSTEM, "write_order_files", `orders:${date}`, { files: written.map((w) => path.basename(w.file)) }, opts.now ?? new Date());
  }
  return written;
}

export type ImportSummary = {
  msgId: string; receivedOn: IsoDate; recordedOn: IsoDate; late: boolean; returned: number; alreadyRecorded: number; totalTiyn: number;
  recordBy: IsoDate; toDistrictBy: IsoDate; sms: number;
};

/**
 * Clause 22: a pain.002.001.11 (or .001.03) status report of a payment organisation, recorded on the
 * day of the import (flagged late after three working days). Each rejected transaction's
 * line is marked returned with its reason, and the recipient is told by SMS what to do. A file naming
 * an EndToEndId Komek never sent is refused whole. Importing the same file again changes nothing.
 */
export async function importReturns(xml: string, opts: { actor?: PaymentActor; now?: Date } = {}): Promise<ImportSummary> {
  const now = opts.now ?? new Date();
  const actor = opts.actor ?? SYSTEM;
  let report;
  try {
    report = readStatusReport(xml);
  } catch (error) {
    if (error instanceof ReturnFileError) throw new PaymentError(error.key, error.params);
    throw error;
  }
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const ids = report.returns.map((r) => r.endToEndId);
    const items = await q.itemsByEndToEndId(tx, ids);
    const known = new Map(items.map((i) => [i.endToEndId, i]));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new PaymentError("payments.errors.unknownEndToEndId", { ids: unknown.join(", ") });
    const receivedOn = report.createdOn;
    const recordedOn = kzDate(now);
    // Clause 22: recorded within three working days of the notice; a later recording is flagged, not refused.
    const late = returnIsLate(receivedOn, recordedOn, cal);
    const recordBy = returnRecordBy(receivedOn, cal);
    const toDistrictBy = returnToDistrictBy(receivedOn, cal);
    let returned = 0, alreadyRecorded = 0, totalTiyn = 0, sms = 0;
    for (const r of report.returns) {
      const item = known.get(r.endToEndId)!;
      if (item.returnedOn) {
        alreadyRecorded++;
        continue;
      }
      await q.markReturned(tx, { itemId: item.itemId, lineId: item.lineId, on: receivedOn, code: r.reason, recordBy, toDistrictBy, recordedOn, late });
      returned++;
      totalTiyn += item.amountTiyn;
      if (await smsRecipient(tx, item.recipientIin, (t) => t("sms.returned", { month: item.month, amount: tiynToDecimal(item.amountTiyn), reason: t(`reasons.${r.reason}`) }), now)) sms++;
    }
    await audit(tx, actor, "import_returns", `returns:${report.msgId}`, { receivedOn, recordedOn, late, returned, alreadyRecorded, totalTiyn, recordBy, toDistrictBy }, now);
    return { msgId: report.msgId, receivedOn, recordedOn, late: late && returned > 0, returned, alreadyRecorded, totalTiyn, recordBy, toDistrictBy, sms };
  });
}

async function smsRecipient(tx: Tx, iin: string, body: (t: ReturnType<typeof paymentsT>) => string, now: Date) {
  const gateway = gatewayIn(tx);
  const [mobile, person] = await Promise.all([gateway.getMobileNumber(iin), gateway.getPerson(iin)]);
  if (!mobile || person?.deathDate) return null;
  const language: Language = person?.preferredLanguage ?? "ru";
  return queueSms(tx, { to: mobile.phone, body: body(paymentsT(language)), purpose: "notice", iin, language, now });
}

export type AccountChange = { updatedLines: number; requeued: number; rescheduled: number };

/**
 * A corrected account for an assignment (the citizen in the cabinet, or staff) — or, with
 * `applicationId` null, for the recipient's list grants: checked like the application's (KZ IBAN, a
 * known payment organisation, the recipient's own open account), then future and returned lines are paid to it.
 */
export async function changePaymentAccount(
  p: { service: string; applicationId: string | null; recipientIin: string; input: string; source: "citizen" | "staff"; actor: PaymentActor; now?: Date },
): Promise<AccountChange> {
  const now = p.now ?? new Date();
  const parsed = parseKzIban(p.input);
  if (!parsed.ok) throw new PaymentError(`payments.errors.iban.${parsed.reason}`);
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const gateway = gatewayIn(tx);
    const bank = (await gateway.listBanks()).find((b) => b.code === parsed.bankCode);
    if (!bank || bank.isPaymentOrganisation === false) throw new PaymentError("payments.errors.iban.unknownBank");
    const account = await gateway.findBankAccountByIban(parsed.iban);
    if (!account || account.iin !== p.recipientIin || account.closedAt) throw new PaymentError("payments.errors.iban.notOwn");
    const result = await q.applyAccount(tx, {
      service: p.service, applicationId: p.applicationId, recipientIin: p.recipientIin, iban: parsed.iban, bankCode: parsed.bankCode, bic: bank.bic,
      channel: bank.bic === "KPSTKZKA" ? "kazpost" : "bank", source: p.source, today: kzDate(now), now,
    });
    await audit(tx, p.actor, "change_account", p.applicationId ? `application:${p.applicationId}` : `grants:${p.recipientIin}`, { ibanTail: parsed.iban.slice(-4), bank: bank.code, ...result }, now);
    return result;
  });
}

export type TerminationResult = { stopFrom: IsoDate; stopped: number; overpaid: number; overpaidTiyn: number };

/** What a staff member signed with ЭЦП for a step (ADR 023): the exact payload, its compact JWS and the signer's IIN. */
export type SignedStep = { payload: string; jws: string; signerIin: string; serialNumber?: string | null };

type TerminationInput = {
  service: string; applicationId: string; ground: TerminationGround; eventDate: IsoDate; source: "registry" | "staff"; recordedOn: IsoDate;
  actor: PaymentActor; now: Date; note?: string;
  /** A staff termination: the case's number for the payload, and the signature it must carry (absent: a preview or a registry event). */
  registrationNumber?: string; signed?: SignedStep;
};

/**
 * The signed statement of a staff termination (ADR 023): the case, the clause 14 ground, the event
 * date and the stop date it gives, the note, the day and signer — and its effect, month by month:
 * the sums no longer paid and the sums paid that become an overpayment. The server rebuilds it from
 * the form and the lines at the moment of recording; the signature must be over exactly these bytes.
 */
export function terminationPayload(p: {
  service: string; applicationId: string; registrationNumber: string; ground: TerminationGround; eventDate: IsoDate; stopFrom: IsoDate; note: string;
  recordedOn: IsoDate; signerIin: string; stops: { month: string; tiyn: number }[]; overpaid: { month: string; tiyn: number }[];
}): string {
  return canonicalJson({
    kind: "payment_termination", service: p.service, application: p.applicationId, registrationNumber: p.registrationNumber,
    ground: p.ground, groundItem: TERMINATION_GROUNDS.indexOf(p.ground) + 1, basis: "seed 003 clause 14", eventDate: p.eventDate, stopFrom: p.stopFrom,
    note: p.note, recordedOn: p.recordedOn, signerIin: p.signerIin,
    notPaid: p.stops.map((x) => ({ month: x.month, amount: tiynToDecimal(x.tiyn) })),
    overpaid: p.overpaid.map((x) => ({ month: x.month, amount: tiynToDecimal(x.tiyn) })),
    overpaidTotal: tiynToDecimal(p.overpaid.reduce((s, x) => s + x.tiyn, 0)),
    recovery: p.ground === "false_information" ? "voluntary_or_court" : "voluntary",
  });
}

/** Clause 14–15 for staff findings and registry events alike; null when the assignment was already terminated. */
export async function terminateAssignment(
  p: { service: string; applicationId: string; ground: TerminationGround; eventDate: IsoDate; source: "registry" | "staff"; recordedOn: IsoDate; actor: PaymentActor; now?: Date; note?: string; registrationNumber?: string; signed?: SignedStep },
): Promise<TerminationResult | null> {
  assertDate(p.eventDate);
  assertDate(p.recordedOn);
  if (p.eventDate > p.recordedOn) throw new PaymentError("payments.errors.futureEvent", { date: p.eventDate });
  const { db } = await getDb();
  return db.transaction((tx) => terminateIn(tx, { ...p, now: p.now ?? new Date() }));
}

export type TerminationPreview = TerminationResult & { payload: string; stops: { month: string; tiyn: number }[]; overpaidMonths: { month: string; tiyn: number }[] };

/**
 * What a staff termination would do, and the payload to sign for it — nothing is written. Refused
 * like the termination itself (a future event, no payment lines, already terminated).
 */
export async function previewTermination(p: Omit<TerminationInput, "source" | "now" | "signed"> & { now?: Date; registrationNumber: string; signerIin: string }): Promise<TerminationPreview> {
  assertDate(p.eventDate);
  assertDate(p.recordedOn);
  if (p.eventDate > p.recordedOn) throw new PaymentError("payments.errors.futureEvent", { date: p.eventDate });
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    if (await q.terminationOf(tx, p.service, p.applicationId)) throw new PaymentError("payments.errors.alreadyTerminated");
    const plan = await planTermination(tx, p);
    if (plan.lines.length === 0) throw new PaymentError("payments.errors.noLines");
    return {
      stopFrom: plan.stopFrom, stopped: plan.unpaid.length, overpaid: plan.paid.length, overpaidTiyn: plan.overpaidTiyn, stops: plan.stops, overpaidMonths: plan.overpaidMonths,
      payload: terminationPayload({ ...p, note: p.note ?? "", stopFrom: plan.stopFrom, stops: plan.stops, overpaid: plan.overpaidMonths }),
    };
  });
}

/** The lines of the assignment (locked) and what a termination does to each. */
async function planTermination(tx: Tx, p: { service: string; applicationId: string; ground: TerminationGround; eventDate: IsoDate }) {
  const stopFrom = terminationStart(p.ground, p.eventDate);
  const lines = await q.linesOfAssignment(tx, p.service, p.applicationId);
  const plan = lines
    .map((l) => ({ line: l, undue: undueTiyn(monthOf(l.month), l.amountTiyn, stopFrom) }))
    .filter((x) => x.undue > 0);
  const paid = plan.filter((x) => x.line.status === "paid");
  const unpaid = plan.filter((x) => x.line.status !== "paid");
  const month = (x: (typeof plan)[number]) => monthOf(x.line.month);
  return {
    stopFrom, lines, paid, unpaid, overpaidTiyn: paid.reduce((s, x) => s + x.undue, 0),
    stops: unpaid.map((x) => ({ month: month(x), tiyn: x.undue })), overpaidMonths: paid.map((x) => ({ month: month(x), tiyn: x.undue })),
  };
}

async function terminateIn(tx: Tx, p: TerminationInput): Promise<TerminationResult | null> {
  const plan = await planTermination(tx, p);
  const { stopFrom, lines, paid, unpaid } = plan;
  if (p.signed) {
    // The signature is over what the staff member saw; if the lines changed since (a payment, a run), it no longer states what happens.
    const payload = terminationPayload({
      service: p.service, applicationId: p.applicationId, registrationNumber: p.registrationNumber ?? "", ground: p.ground, eventDate: p.eventDate, stopFrom,
      note: p.note ?? "", recordedOn: p.recordedOn, signerIin: p.signed.signerIin, stops: plan.stops, overpaid: plan.overpaidMonths,
    });
    if (payload !== p.signed.payload) throw new PaymentError("payments.errors.stale");
  }
  const terminationId = await q.insertTermination(tx, {
    service: p.service, applicationId: p.applicationId, ground: p.ground, eventDate: p.eventDate, stopFrom, source: p.source,
    recordedOn: p.recordedOn, recordedBy: p.actor.staffId, stoppedLines: unpaid.length, overpaidLines: paid.length, note: p.note ?? null,
    signedPayload: p.signed?.payload ?? null, signature: p.signed?.jws ?? null, signerIin: p.signed?.signerIin ?? null,
  });
  if (terminationId === null) return null;
  for (const x of unpaid) {
    if (x.undue === x.line.amountTiyn) await q.stopLine(tx, x.line.id, stopFrom);
    else await q.reduceLine(tx, x.line.id, x.line.amountTiyn - x.undue, stopFrom);
  }
  // Clause 15: false information (ground 4) was received unlawfully — voluntary or by court; the rest voluntary.
  const recovery = p.ground === "false_information" ? "voluntary_or_court" : "voluntary";
  for (const x of paid) {
    await q.reduceLine(tx, x.line.id, x.line.amountTiyn, stopFrom);
    await q.insertOverpayment(tx, { lineId: x.line.id, terminationId, recipientIin: x.line.recipientIin, amountTiyn: x.undue, recovery, detectedOn: p.recordedOn });
  }
  const overpaidTiyn = plan.overpaidTiyn;
  if (paid.length > 0 && lines[0]) {
    const iin = lines[0].recipientIin;
    await smsRecipient(tx, iin, (t) => t("sms.overpayment", { amount: tiynToDecimal(overpaidTiyn), date: stopFrom }), p.now);
  }
  await audit(tx, p.actor, "terminate", `application:${p.applicationId}`, {
    ground: p.ground, eventDate: p.eventDate, stopFrom, stopped: unpaid.length, overpaid: paid.length, overpaidTiyn,
    ...(p.signed ? { signed: { signerIin: p.signed.signerIin, serialNumber: p.signed.serialNumber ?? null } } : {}),
  }, p.now);
  return { stopFrom, stopped: unpaid.length, overpaid: paid.length, overpaidTiyn };
}


export type RecoveryResult = { id: number; status: string; repaidTiyn: number; outstandingTiyn: number };

/**
 * The signed statement of a recovery step (ADR 023): the overpayment, its month and district, the move
 * and the status it gives, the sum repaid now and in all, what is still owed, the day and the signer.
 */
export function recoveryPayload(p: {
  id: number; officeCode: string; month: string; action: RecoveryAction; amountTiyn: number | null; on: IsoDate; from: string; to: string;
  repaidTiyn: number; outstandingTiyn: number; signerIin: string;
}): string {
  return canonicalJson({
    kind: "overpayment_recovery", basis: "seed 003 clause 15", overpayment: p.id, office: p.officeCode, month: p.month, action: p.action,
    amount: p.amountTiyn === null ? null : tiynToDecimal(p.amountTiyn), on: p.on, from: p.from, to: p.to,
    repaidTotal: tiynToDecimal(p.repaidTiyn), outstanding: tiynToDecimal(p.outstandingTiyn), signerIin: p.signerIin,
  });
}

type RecoveryInput = { id: number; action: RecoveryAction; amountTiyn?: number; on: IsoDate; actor: PaymentActor; now?: Date };

/** The overpayment (locked) and the move, refused with a reason when not allowed. */
async function planRecovery(tx: Tx, p: RecoveryInput) {
  const op = await q.findOverpayment(tx, p.id);
  if (!op) throw new PaymentError("payments.errors.noOverpayment", { id: p.id });
  if (p.actor.officeCode && p.actor.officeCode !== op.officeCode) throw new PaymentError("payments.errors.otherDistrict");
  const move = applyRecovery({ status: op.status, amountTiyn: op.amountTiyn, repaidTiyn: op.repaidTiyn }, p.action, p.amountTiyn ?? 0);
  if (!move.ok) throw new PaymentError(`payments.errors.recovery.${move.reason}`, { outstanding: tiynToDecimal(op.amountTiyn - op.repaidTiyn) });
  return { op, move };
}

const recoveryPayloadOf = (p: RecoveryInput, plan: Awaited<ReturnType<typeof planRecovery>>, signerIin: string) =>
  recoveryPayload({
    id: plan.op.id, officeCode: plan.op.officeCode, month: plan.op.month, action: p.action, amountTiyn: p.action === "repay" ? (p.amountTiyn ?? 0) : null, on: p.on,
    from: plan.op.status, to: plan.move.status, repaidTiyn: plan.move.repaidTiyn, outstandingTiyn: plan.move.outstandingTiyn, signerIin,
  });

/** What a recovery step would do, and the payload to sign for it — nothing is written. */
export async function previewOverpayment(p: RecoveryInput & { signerIin: string }): Promise<RecoveryResult & { payload: string; from: string; month: string }> {
  assertDate(p.on);
  if (p.on > kzDate(p.now ?? new Date())) throw new PaymentError("payments.errors.futureEvent", { date: p.on });
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const plan = await planRecovery(tx, p);
    return {
      id: plan.op.id, status: plan.move.status, repaidTiyn: plan.move.repaidTiyn, outstandingTiyn: plan.move.outstandingTiyn, from: plan.op.status, month: plan.op.month,
      payload: recoveryPayloadOf(p, plan, p.signerIin),
    };
  });
}

/**
 * Clause 15: the district finance officer records what happened to an overpayment — a repayment (in
 * part or in full), a referral to court, a write-off. Refused with a reason when the move is not
 * allowed (app/payments/recovery.ts) or the overpayment is another district's; each move is audited
 * and the recipient is told by SMS in their language (the cabinet shows the status). From the staff
 * page the step is signed (`signed`): the payload rebuilt here must be the one signed, else nothing changes.
 */
export async function changeOverpayment(p: RecoveryInput & { signed?: SignedStep }): Promise<RecoveryResult> {
  assertDate(p.on);
  const now = p.now ?? new Date();
  if (p.on > kzDate(now)) throw new PaymentError("payments.errors.futureEvent", { date: p.on });
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    const plan = await planRecovery(tx, p);
    const { op, move } = plan;
    if (p.signed && recoveryPayloadOf(p, plan, p.signed.signerIin) !== p.signed.payload) throw new PaymentError("payments.errors.stale");
    await q.updateOverpayment(tx, op.id, { status: move.status, repaidTiyn: move.repaidTiyn, on: p.on });
    await audit(tx, p.actor, `overpayment_${p.action}`, `overpayment:${op.id}`, {
      from: op.status, to: move.status, amountTiyn: p.amountTiyn ?? null, repaidTiyn: move.repaidTiyn, on: p.on,
      ...(p.signed ? { signed: { signerIin: p.signed.signerIin, serialNumber: p.signed.serialNumber ?? null, payload: p.signed.payload, jws: p.signed.jws } } : {}),
    }, now);
    await smsRecipient(tx, op.recipientIin, (t) => t(`sms.recovery.${move.status}`, { month: op.month, outstanding: tiynToDecimal(move.outstandingTiyn) }), now);
    return { id: op.id, status: move.status, repaidTiyn: move.repaidTiyn, outstandingTiyn: move.outstandingTiyn };
  });
}
