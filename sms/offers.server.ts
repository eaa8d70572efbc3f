/**
 * The proactive offer's side effects around the pure dialogue (sms/machine.ts): an inbound reply is
 * recorded once, applied to the locked offer, its answers queued in the outbox, and a consent with a
 * payment choice registered in the e-journal — all in one transaction, so a reply is either fully
 * applied or not at all, and a provider retry of the same MessageSid changes nothing.
 */
import type { Db, Tx } from "../db/client";
import { lockLatestOfferForPhone, lockOffersDue, saveOfferState } from "../db/queries/offers";
import { registryGateway } from "../db/queries/registry";
import { linkToOffer, queueSms, recentNoOfferReply, recordInbound, recordOptOut, type OutboundSms } from "../db/queries/sms";
import type { ProactiveOffer } from "../db/schema";
import { checkNoPriorAssistance, checkOneSettlement, commonSettlement } from "../app/domain/seven-one";
import { getService } from "../app/services/registry";
import { priorAssistanceFacts } from "../app/services/prior-assistance.server";
import { registerCase } from "../app/services/register.server";
import { kzDate } from "../app/domain/kz-time";
import { familyFromHousehold } from "../app/domain/family";
import type { Gateway, GatewayBank } from "../app/domain/gateway";
import { checkOwnAccount, type AccountCheck } from "../app/application/payment.server";
import {
  confirmRegistration, noOpenOfferMessage, rejectAccount, rejectRegistration, step, tick,
  type AccountRefusal, type OfferEffect, type OfferState, type Outbound, type PaymentChoice, type PaymentOrganisation, type Transition,
} from "./machine";

export type InboundReply = {
  /** Twilio's MessageSid, or a synthetic `cabinet:<uuid>` for answers given in the cabinet. */
  sid: string;
  /** E.164 number the reply came from (for the cabinet: the offer's number). */
  from: string;
  body: string;
  at: Date;
};

export type InboundOutcome =
  | { kind: "duplicate" }
  | { kind: "no_offer"; replied: boolean }
  | { kind: "applied"; offerId: number; stage: string; replies: number; registrationNumber?: string };

/** Body limit: an SMS is at most a few segments; anything longer is cut before it is stored. */
const MAX_BODY = 1600;
const DAY_MS = 86_400_000;

export async function applyInboundReply(db: Db, reply: InboundReply): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const gateway = registryGateway(tx);
    const person = await gateway.findPersonByMobileNumber(reply.from);
    const language = person?.preferredLanguage ?? "ru";
    const messageId = await recordInbound(tx, {
      sid: reply.sid,
      from: reply.from,
      body: reply.body.slice(0, MAX_BODY),
      language,
      iin: person?.iin ?? null,
      at: reply.at,
    });
    if (messageId === null) return { kind: "duplicate" } as const;

    const offer = await lockLatestOfferForPhone(tx, reply.from);
    if (!offer) {
      if (await recentNoOfferReply(tx, reply.from, new Date(reply.at.getTime() - DAY_MS))) return { kind: "no_offer", replied: false } as const;
      await queueSms(tx, { to: reply.from, body: noOpenOfferMessage(language).text, purpose: "reply", language, iin: person?.iin ?? null, now: reply.at });
      return { kind: "no_offer", replied: true } as const;
    }
    await linkToOffer(tx, messageId, offer.id);
    const banks = await paymentOrganisations(gateway);
    const transition = step(offer.state as OfferState, { text: reply.body, at: reply.at }, { banks });
    return applyTransition(tx, gateway, offer, transition, reply.at, "reply");
  });
}

/**
 * Carries out a transition: opt-outs, registration, the state, and the texts. Shared by replies and
 * by the scheduler's tick.
 */
async function applyTransition(
  tx: Tx,
  gateway: Gateway,
  offer: ProactiveOffer,
  transition: Transition,
  at: Date,
  purpose: OutboundSms["purpose"],
): Promise<InboundOutcome> {
  let { state } = transition;
  const outgoing: { message: Outbound; purpose: OutboundSms["purpose"] }[] = transition.messages.map((message) => ({ message, purpose }));
  let applicationId: string | undefined;
  let registrationNumber: string | undefined;
  for (const effect of transition.effects) {
    if (effect.type === "opt_out") await recordOptOut(tx, offer.phone, at);
    if (effect.type === "register") {
      const registered = await registerFromOffer(tx, gateway, offer, effect, at);
      const after = registered.ok
        ? confirmRegistration(state, { registrationNumber: registered.registrationNumber, registeredAt: at, dueDate: registered.dueDate })
        : registered.account
          ? rejectAccount(state, registered.account, at)
          : rejectRegistration(state);
      state = after.state;
      outgoing.push(...after.messages.map((message) => ({ message, purpose: registered.ok ? ("confirmation" as const) : ("reply" as const) })));
      if (registered.ok) {
        applicationId = registered.applicationId;
        registrationNumber = registered.registrationNumber;
      }
    }
  }
  await saveOfferState(tx, offer.id, state, at, applicationId);
  for (const { message, purpose: p } of outgoing) {
    await queueSms(tx, { to: offer.phone, body: message.text, purpose: p, language: message.language, iin: offer.recipientIin, offerId: offer.id, now: at });
  }
  return { kind: "applied", offerId: offer.id, stage: state.stage, replies: outgoing.length, registrationNumber };
}

type RegisterOutcome =
  | { ok: true; applicationId: string; registrationNumber: string; dueDate: string }
  | { ok: false; reason: string; account?: AccountRefusal };

/**
 * Is the chosen way of payment the recipient's own? An IBAN goes through the same check as on the
 * portal (checkOwnAccount: the bank's word through the gateway); the account on file is the
 * recipient's open account in the registry; a payment organisation needs no account.
 */
async function checkPayment(gateway: Gateway, recipientIin: string, payment: PaymentChoice): Promise<AccountCheck | null> {
  if (payment.kind === "iban") return checkOwnAccount(gateway, recipientIin, payment.iban);
  if (payment.kind === "account_on_file") {
    const own = (await gateway.getBankAccounts(recipientIin)).find((a) => !a.closedAt && a.iban.endsWith(payment.last4));
    return own ? { ok: true, iban: own.iban, bankCode: own.bankCode } : { ok: false, error: "ibanNotOwn" };
  }
  return null;
}

/**
 * The consent is the application (clause 6): registered in the e-journal in proactive format on the
 * Kazakhstan day the consent arrived, due 15 working days later. Clause 7-1 checks 2 and 3 are run
 * again on today's registry data, since the family may have changed since the scan; the database
 * enforces check 2 once more under concurrency.
 */
async function registerFromOffer(
  tx: Tx,
  gateway: Gateway,
  offer: ProactiveOffer,
  effect: Extract<OfferEffect, { type: "register" }>,
  at: Date,
): Promise<RegisterOutcome> {
  const account = await checkPayment(gateway, offer.recipientIin, effect.payment);
  if (account && !account.ok) return { ok: false, reason: account.error, account: account.error };
  const household = await gateway.getHouseholdMembers(offer.recipientIin);
  const family = familyFromHousehold(offer.recipientIin, household);
  const iins = family.map((p) => p.iin);
  const today = kzDate(at);
  const service = getService(offer.service);
  const [prior, registrations] = await Promise.all([priorAssistanceFacts(tx, gateway, service, iins, today), gateway.getRegistrations(iins)]);
  const facts = {
    applicantIin: offer.recipientIin,
    members: family.map((m) => ({ ...m, found: true })),
    incomesConfirmed: true,
    payment: { iban: account?.ok ? account.iban : null, verified: account === null || account.ok },
    documentsConsent: true,
    ...prior,
    registrations: registrations
      .filter((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today))
      .map((r) => ({ iin: r.iin, settlementKato: r.settlementKato })),
  };
  const failures = [...checkNoPriorAssistance(facts), ...checkOneSettlement(facts)];
  if (failures.length) return { ok: false, reason: failures.map((f) => f.reason).join(",") };

  const applicationDate = effect.applicationDate;
  const outcome = await registerCase(tx as unknown as Db, service, {
    fromOfferId: offer.id,
    applicantIin: offer.recipientIin,
    channel: "proactive",
    members: facts.members.map((m) => ({ iin: m.iin, relation: m.relation })),
    katoCode: commonSettlement(facts) ?? offer.katoCode,
    applicationDate,
    registeredBy: "system",
    now: at,
    draft: {
      proactive: {
        offerId: offer.id,
        consentAt: effect.consentAt,
        payment: effect.payment,
        incomeQuarter: offer.incomeQuarter,
        perCapitaIncome: offer.perCapitaIncome,
        povertyLine: offer.povertyLine,
      },
    },
  });
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  return { ok: true, applicationId: outcome.applicationId, registrationNumber: outcome.registrationNumber, dueDate: outcome.dueDate };
}

/**
 * Payment organisations as the SMS lists them: second-tier banks and Kazpost, Kazpost last, with the
 * legal form dropped from the name so a page of the list fits two segments.
 */
export async function paymentOrganisations(gateway: Pick<Gateway, "listBanks">): Promise<PaymentOrganisation[]> {
  const banks = (await gateway.listBanks()).filter((b) => b.isPaymentOrganisation);
  const kazpostLast = (b: GatewayBank) => (/Казпочта|Kazpost/i.test(b.nameRu) ? 1 : 0);
  return banks
    .sort((a, b) => kazpostLast(a) - kazpostLast(b) || a.code.localeCompare(b.code))
    .map((b) => ({ code: b.code, nameRu: shortBankName(b.nameRu), nameKk: shortBankName(b.nameKk) }));
}

/** «АО «Kaspi Bank»» → «Kaspi Bank»; «"Kaspi Bank" АҚ» → «Kaspi Bank». */
export function shortBankName(name: string) {
  return name
    .replace(/^АО\s*«(.+?)»/u, "$1")
    .replace(/^«(.+?)»\s*АҚ/u, "$1")
    .replace(/\s*\((?:бывш\.|бұрынғы)[^)]*\)/u, "")
    .trim();
}

/**
 * Time passing: the one reminder of unanswered offers, and the expiry of open ones. Runs in batches
 * of locked rows (SKIP LOCKED), so several workers may run it at once. Returns how many offers changed.
 */
export async function runOfferTicks(db: Db, now: Date, batch = 200): Promise<number> {
  let changed = 0;
  // Bounded, in case a row ever stays due after its tick: better a late reminder than a spinning worker.
  for (let round = 0; round < 10_000; round++) {
    const n = await db.transaction(async (tx) => {
      const gateway = registryGateway(tx);
      const due = await lockOffersDue(tx, now, batch);
      for (const offer of due) {
        const transition = tick(offer.state as OfferState, now);
        const purpose = transition.state.stage === "expired" ? "notice" : "reminder";
        await applyTransition(tx, gateway, offer, transition, now, purpose);
      }
      return due.length;
    });
    changed += n;
    if (n < batch) break;
  }
  return changed;
}
