/**
 * The SMS dialogue of the proactive ASP offer (seed 000, clauses 6 and 7-1): consent to the district
 * commission's visit, then the payment choice. A pure reducer: state + input → next state, the texts
 * to send and the effects the caller must carry out. No clock, no I/O: the same input always gives
 * the same output, so the caller may persist the state as JSON and replay safely.
 *
 * Decisions worth knowing:
 * - Unclear replies are re-prompted at most `maxReprompts` times per question; the next one gets the
 *   1414 message (recorded in `referredAt`), and further unclear replies get no SMS at all, so an
 *   auto-responder cannot start an endless exchange. The question stays open: a clear answer later
 *   (say, after a call to 1414) still counts. The counter restarts when the dialogue moves on.
 * - STOP works from every state, is final, and is confirmed by one last SMS; nothing is sent after.
 * - Consent made after a decline (within `declineRevocableHours` of it) is a normal consent; the
 *   application day is the day of that consent.
 * - Consent moves the deadline to at least `paymentChoiceHours` after it, so a consent given just
 *   before the offer expires still leaves time to choose where to pay.
 * - A `register` effect sends no SMS: the caller registers the application and then calls
 *   `confirmRegistration` (number and due date) or `rejectRegistration` for the text.
 */
import type { IbanReason } from "../app/domain/iban";
import { applicationDay } from "../app/domain/application-day";
import { kzCalendar } from "../app/domain/workdays";
import type { Language } from "../locales";
import { parseReply, type ReplyIntent } from "./parse";
import { countSegments } from "./segments";
import {
  formatCalendarDate,
  formatKzDate,
  formatKzDateTime,
  MAX_SEGMENTS,
  render,
  type Outbound,
  type SmsKey,
} from "./templates";

export type { Outbound } from "./templates";

export type OfferStage =
  | "offered"
  | "awaiting_payment"
  | "awaiting_iban"
  | "awaiting_bank"
  | "registered"
  | "not_registered"
  | "declined"
  | "expired"
  | "opted_out"
  /** The family registered by another channel (portal, Centre, akim) while the offer was open. */
  | "closed_registered";

export type OfferPolicy = {
  validityHours: number;
  reminderAfterHours: number;
  declineRevocableHours: number;
  paymentChoiceHours: number;
  maxReprompts: number;
};

export const defaultOfferPolicy: OfferPolicy = {
  validityHours: 72,
  reminderAfterHours: 48,
  declineRevocableHours: 24,
  paymentChoiceHours: 24,
  maxReprompts: 2,
};

/** A second-tier bank or Kazpost, as the payment-organisation list gives it. */
export type PaymentOrganisation = { code: string; nameRu: string; nameKk: string };

export type PaymentChoice =
  | { kind: "account_on_file"; last4: string }
  | { kind: "iban"; iban: string; bankCode: string }
  | { kind: "organisation"; code: string };

/** JSON-safe: instants are ISO strings. The policy is kept so an offer keeps the terms it was sent with. */
export type OfferState = {
  stage: OfferStage;
  language: Language;
  policy: OfferPolicy;
  sentAt: string;
  remindAt: string;
  expiresAt: string;
  remindedAt: string | null;
  /** Last four characters of the account the state already holds, or null when there is none. */
  accountLast4: string | null;
  unclearCount: number;
  referredAt: string | null;
  consentAt: string | null;
  declinedAt: string | null;
  payment: PaymentChoice | null;
  bankPage: number;
  registration: { number: string; registeredAt: string; dueDate: string } | null;
  optedOutAt: string | null;
};

export type OfferEffect =
  | {
      type: "register";
      consentAt: string;
      /** The application day (clause 6): the calendar day of the consent in Kazakhstan. */
      applicationDate: string;
      payment: PaymentChoice;
    }
  | { type: "opt_out"; at: string };

export type Transition = { state: OfferState; messages: Outbound[]; effects: OfferEffect[] };

export type Reply = { text: string; at: Date };
export type StepContext = { banks: readonly PaymentOrganisation[] };

const HOUR_MS = 60 * 60 * 1000;
const OPEN_STAGES: readonly OfferStage[] = ["offered", "awaiting_payment", "awaiting_iban", "awaiting_bank"];

const ms = (iso: string) => new Date(iso).getTime();
const plusHours = (at: Date | string, hours: number) => new Date(new Date(at).getTime() + hours * HOUR_MS).toISOString();
const unchanged = (state: OfferState, messages: Outbound[] = []): Transition => ({ state, messages, effects: [] });

// ---------------------------------------------------------------------------------------------
// Starting, ticking, finishing

export type OfferStart = { language: Language; sentAt: Date; accountLast4: string | null };

/** The initial state and the offer text. */
export function startOffer(start: OfferStart, policy: OfferPolicy = defaultOfferPolicy): Transition {
  if (!(policy.reminderAfterHours > 0 && policy.reminderAfterHours < policy.validityHours)) {
    throw new Error("the reminder must fall inside the offer's validity");
  }
  if (start.accountLast4 !== null && !/^[0-9A-Z]{4}$/.test(start.accountLast4)) {
    throw new Error("accountLast4 must be the last four characters of an IBAN");
  }
  const state: OfferState = {
    stage: "offered",
    language: start.language,
    policy,
    sentAt: start.sentAt.toISOString(),
    remindAt: plusHours(start.sentAt, policy.reminderAfterHours),
    expiresAt: plusHours(start.sentAt, policy.validityHours),
    remindedAt: null,
    accountLast4: start.accountLast4,
    unclearCount: 0,
    referredAt: null,
    consentAt: null,
    declinedAt: null,
    payment: null,
    bankPage: 0,
    registration: null,
    optedOutAt: null,
  };
  return { state, messages: [offerMessage(start.language)], effects: [] };
}

export function offerMessage(language: Language): Outbound {
  return render(language, "offer");
}

/** The answer to an SMS from a number that has no open offer. */
export function noOpenOfferMessage(language: Language): Outbound {
  return render(language, "noOpenOffer");
}

/**
 * Time passing, run by the caller's scheduler: the one reminder of an unanswered offer, or the
 * expiry of an open dialogue. Calling it again changes nothing.
 */
export function tick(state: OfferState, now: Date): Transition {
  if (!OPEN_STAGES.includes(state.stage)) return unchanged(state);
  if (now.getTime() >= ms(state.expiresAt)) {
    return unchanged({ ...state, stage: "expired" }, [render(state.language, "expired")]);
  }
  if (state.stage === "offered" && state.remindedAt === null && now.getTime() >= ms(state.remindAt)) {
    return unchanged({ ...state, remindedAt: now.toISOString() }, [
      render(state.language, "reminder", { deadline: formatKzDateTime(state.expiresAt) }),
    ]);
  }
  return unchanged(state);
}

export type Registration = { registrationNumber: string; registeredAt: Date; dueDate: string };

/**
 * After the caller registered the application (the `register` effect): records its number and due
 * date (a calendar date, "YYYY-MM-DD") and returns the confirmation SMS, unless the recipient opted
 * out meanwhile.
 */
export function confirmRegistration(state: OfferState, registration: Registration): Transition {
  if (!(state.stage === "registered" || (state.stage === "opted_out" && state.payment))) {
    throw new Error(`cannot confirm a registration in stage ${state.stage}`);
  }
  const next: OfferState = {
    ...state,
    registration: {
      number: registration.registrationNumber,
      registeredAt: registration.registeredAt.toISOString(),
      dueDate: registration.dueDate,
    },
  };
  if (state.stage === "opted_out") return unchanged(next);
  return unchanged(next, [
    render(state.language, "registered", {
      number: registration.registrationNumber,
      date: formatKzDate(registration.registeredAt),
      dueDate: formatCalendarDate(registration.dueDate),
    }),
  ]);
}

/** Why the caller refused the IBAN a reply gave (app/application/payment.server.ts checkOwnAccount). */
export type AccountRefusal = "ibanFormat" | "ibanCountry" | "ibanChecksum" | "ibanUnknownBank" | "ibanNotOwn";

/**
 * After the caller found that the IBAN of a `register` effect is not the recipient's own account (the
 * bank's word, through the gateway) — nothing was registered: the question is asked again, counted as
 * an unclear reply so that a stranger's account cannot be retried forever.
 */
export function rejectAccount(state: OfferState, reason: AccountRefusal, at: Date): Transition {
  if (state.stage === "opted_out") return unchanged(state);
  if (state.stage !== "registered" || state.payment?.kind !== "iban") throw new Error(`cannot reject the account in stage ${state.stage}`);
  const back: OfferState = { ...state, stage: "awaiting_iban", payment: null };
  const message =
    reason === "ibanNotOwn"
      ? render(state.language, "iban.notOwn", { bankOption: bankOption(state) })
      : reason === "ibanUnknownBank"
        ? render(state.language, "iban.unknownBank", { bankOption: bankOption(state) })
        : badIbanMessage(state, reason === "ibanCountry" ? "country" : reason === "ibanChecksum" ? "checksum" : "format");
  return unclear(back, at, message);
}

/** After the caller could not register the application (a 7-1 check failed). */
export function rejectRegistration(state: OfferState): Transition {
  if (state.stage === "opted_out") return unchanged(state);
  if (state.stage !== "registered") throw new Error(`cannot reject a registration in stage ${state.stage}`);
  return unchanged({ ...state, stage: "not_registered" }, [render(state.language, "notRegistered")]);
}

// ---------------------------------------------------------------------------------------------
// Replies

/** One inbound SMS. The caller deduplicates by MessageSid before calling. */
export function step(state: OfferState, reply: Reply, ctx: StepContext): Transition {
  if (state.stage === "opted_out") return unchanged(state);
  const intent = parseReply(reply.text);
  const at = reply.at;
  if (intent.kind === "stop") return optOut(state, at);

  // A reply after the deadline is answered as late even if the scheduler has not expired it yet.
  if (OPEN_STAGES.includes(state.stage) && at.getTime() >= ms(state.expiresAt)) {
    return unchanged({ ...state, stage: "expired" }, [lateReply(state)]);
  }

  switch (state.stage) {
    case "offered":
      return onOffered(state, intent, at);
    case "awaiting_payment":
    case "awaiting_iban":
    case "awaiting_bank":
      return onPaymentChoice(state, intent, at, ctx);
    case "declined":
      return onDeclined(state, intent, at);
    case "registered":
      return unchanged(state, [registeredAnswer(state)]);
    case "not_registered":
      return unchanged(state, [render(state.language, "notRegistered")]);
    case "expired":
      return unchanged(state, [lateReply(state)]);
    case "closed_registered":
      return unchanged(state, [render(state.language, "closedRegistered")]);
  }
}

function onOffered(state: OfferState, intent: ReplyIntent, at: Date): Transition {
  if (intent.kind === "help") return unchanged(state, [render(state.language, "help.offer")]);
  if (intent.kind === "yes" || (intent.kind === "number" && intent.value === 1)) return consent(state, at);
  if (intent.kind === "no" || (intent.kind === "number" && intent.value === 2)) {
    const next: OfferState = { ...state, stage: "declined", declinedAt: at.toISOString(), unclearCount: 0 };
    return unchanged(next, [declinedMessage(next)]);
  }
  return unclear(state, at, render(state.language, "offerReprompt"));
}

function onDeclined(state: OfferState, intent: ReplyIntent, at: Date): Transition {
  const revocable = at.getTime() < ms(state.declinedAt!) + state.policy.declineRevocableHours * HOUR_MS;
  if (!revocable) {
    return unchanged(state, [render(state.language, "declineFinal", { hours: String(state.policy.declineRevocableHours) })]);
  }
  if (intent.kind === "yes" || (intent.kind === "number" && intent.value === 1)) return consent(state, at);
  return unchanged(state, [declinedMessage(state)]);
}

function consent(state: OfferState, at: Date): Transition {
  const paymentDeadline = plusHours(at, state.policy.paymentChoiceHours);
  const next: OfferState = {
    ...state,
    stage: "awaiting_payment",
    consentAt: at.toISOString(),
    expiresAt: ms(paymentDeadline) > ms(state.expiresAt) ? paymentDeadline : state.expiresAt,
    unclearCount: 0,
  };
  return unchanged(next, [paymentMenu(next, "ask")]);
}

// The payment menu: 1 keeps the account on file (only when there is one), then another account,
// then the list of payment organisations. The numbers stay valid while waiting for an IBAN.
export type PaymentOption = "on_file" | "iban" | "bank";

export function paymentOptions(state: OfferState): PaymentOption[] {
  return state.accountLast4 ? ["on_file", "iban", "bank"] : ["iban", "bank"];
}

function bankOption(state: OfferState): string {
  return String(paymentOptions(state).indexOf("bank") + 1);
}

function paymentMenu(state: OfferState, kind: "ask" | "reprompt"): Outbound {
  if (state.accountLast4) {
    return render(state.language, kind === "ask" ? "payment.askWithAccount" : "payment.repromptWithAccount", {
      last4: state.accountLast4,
    });
  }
  return render(state.language, kind === "ask" ? "payment.askWithoutAccount" : "payment.repromptWithoutAccount");
}

function chooseOption(state: OfferState, option: PaymentOption, ctx: StepContext): Transition {
  if (option === "on_file") return register(state, { kind: "account_on_file", last4: state.accountLast4! });
  if (option === "iban") {
    const next: OfferState = { ...state, stage: "awaiting_iban", unclearCount: 0 };
    return unchanged(next, [render(state.language, "iban.ask", { bankOption: bankOption(state) })]);
  }
  const next: OfferState = { ...state, stage: "awaiting_bank", bankPage: 0, unclearCount: 0 };
  return unchanged(next, [bankListMessage(next, ctx.banks, "list")]);
}

/** The three payment questions share HELP, IBAN handling and the menu numbers. */
function onPaymentChoice(state: OfferState, intent: ReplyIntent, at: Date, ctx: StepContext): Transition {
  if (intent.kind === "help") return unchanged(state, [render(state.language, "help.payment")]);
  if (intent.kind === "iban") return register(state, { kind: "iban", iban: intent.iban, bankCode: intent.bankCode });
  if (intent.kind === "badIban") {
    // Someone who typed an account number at the menu is now answering the IBAN question.
    const stage = state.stage === "awaiting_payment" ? "awaiting_iban" : state.stage;
    return unclear({ ...state, stage }, at, badIbanMessage(state, intent.reason));
  }
  if (intent.kind === "bank") {
    // A bank by name ("каспи", "Halyk") answers any payment question: pay through that organisation.
    const named = ctx.banks.find((b) => b.code === intent.code || b.code === intent.bic);
    if (named) return register(state, { kind: "organisation", code: named.code });
    return unclear(state, at, bankListMessage(state, ctx.banks, "listReprompt"));
  }
  if (state.stage === "awaiting_bank") return onBankNumber(state, intent, at, ctx);

  const option = intent.kind === "number" ? paymentOptions(state)[intent.value - 1] : undefined;
  if (option && !(state.stage === "awaiting_iban" && option === "iban")) return chooseOption(state, option, ctx);
  const reprompt =
    state.stage === "awaiting_iban"
      ? render(state.language, "iban.notFound", { bankOption: bankOption(state) })
      : paymentMenu(state, "reprompt");
  return unclear(state, at, reprompt);
}

function onBankNumber(state: OfferState, intent: ReplyIntent, at: Date, ctx: StepContext): Transition {
  if (intent.kind === "number") {
    const pages = bankPages(ctx.banks, state.language);
    if (intent.value === 0 && pages.length > 1) {
      const next: OfferState = { ...state, bankPage: (state.bankPage + 1) % pages.length };
      return unchanged(next, [bankListMessage(next, ctx.banks, "list")]);
    }
    const chosen = ctx.banks[intent.value - 1];
    if (chosen) return register(state, { kind: "organisation", code: chosen.code });
  }
  return unclear(state, at, bankListMessage(state, ctx.banks, "listReprompt"));
}

function register(state: OfferState, payment: PaymentChoice): Transition {
  const consentAt = state.consentAt!;
  return {
    // An IBAN may yet be refused by the caller (rejectAccount): its unclear count carries on until then.
    state: { ...state, stage: "registered", payment, unclearCount: payment.kind === "iban" ? state.unclearCount : 0 },
    messages: [],
    // The consent is the application (clause 6); after working time it is accepted the next working day.
    effects: [{ type: "register", consentAt, applicationDate: applicationDay(new Date(consentAt), kzCalendar), payment }],
  };
}

function optOut(state: OfferState, at: Date): Transition {
  const key: SmsKey = state.stage === "registered" ? "optedOutRegistered" : "optedOut";
  const optedOutAt = at.toISOString();
  return {
    state: { ...state, stage: "opted_out", optedOutAt },
    messages: [render(state.language, key)],
    effects: [{ type: "opt_out", at: optedOutAt }],
  };
}

/** Re-prompts while allowed, then once points to 1414, then stays silent. */
function unclear(state: OfferState, at: Date, reprompt: Outbound): Transition {
  const unclearCount = state.unclearCount + 1;
  const { maxReprompts } = state.policy;
  if (unclearCount <= maxReprompts) return unchanged({ ...state, unclearCount }, [reprompt]);
  if (unclearCount === maxReprompts + 1) {
    return unchanged({ ...state, unclearCount, referredAt: at.toISOString() }, [render(state.language, "contactCentre")]);
  }
  return unchanged({ ...state, unclearCount });
}

function badIbanMessage(state: OfferState, reason: IbanReason): Outbound {
  const key = ({ format: "iban.invalidFormat", country: "iban.invalidCountry", checksum: "iban.invalidChecksum" } as const)[reason];
  return render(state.language, key, { bankOption: bankOption(state) });
}

function declinedMessage(state: OfferState): Outbound {
  const until = plusHours(state.declinedAt!, state.policy.declineRevocableHours);
  return render(state.language, "declined", { until: formatKzDateTime(until) });
}

function lateReply(state: OfferState): Outbound {
  return render(state.language, "lateReply", { expiredAt: formatKzDateTime(state.expiresAt) });
}

function registeredAnswer(state: OfferState): Outbound {
  if (!state.registration) return render(state.language, "registrationPending");
  return render(state.language, "registeredStatus", {
    number: state.registration.number,
    dueDate: formatCalendarDate(state.registration.dueDate),
  });
}

// ---------------------------------------------------------------------------------------------
// The list of payment organisations, paged to fit the SMS budget

function bankName(bank: PaymentOrganisation, language: Language): string {
  return language === "kk" ? bank.nameKk : bank.nameRu;
}

function bankItems(banks: readonly PaymentOrganisation[], indexes: number[], language: Language, more: boolean): string {
  const lines = indexes.map((i) => `${i + 1} ${bankName(banks[i], language)}`);
  if (more) lines.push(render(language, "bank.more").text);
  return lines.join("\n");
}

function fits(banks: readonly PaymentOrganisation[], indexes: number[], language: Language, more: boolean): boolean {
  const items = bankItems(banks, indexes, language, more);
  // Page breaks must not depend on which header is shown, so measure against both.
  return (["bank.list", "bank.listReprompt"] as const).every(
    (key) => countSegments(render(language, key, { items }).text).segments <= MAX_SEGMENTS,
  );
}

/**
 * Splits the list into pages that fit two segments with "0 - more" at the end; numbers run across
 * pages (1…N), so any number from any page is a valid answer. A name too long to fit even alone
 * still gets its own page (the texts test guards the real list against that).
 */
/**
 * The answers the current question accepts, as the menu numbers the SMS gives them: what the cabinet
 * shows as radios, so a web answer is the same reply as the SMS "1", "3" or "12".
 */
export type OfferChoice = { value: string; kind: "agree" | "decline" | PaymentOption | "organisation"; last4?: string; code?: string; name?: string };

export function offerChoices(state: OfferState, banks: readonly PaymentOrganisation[]): OfferChoice[] {
  switch (state.stage) {
    case "offered":
      return [{ value: "1", kind: "agree" }, { value: "2", kind: "decline" }];
    case "declined":
      return [{ value: "1", kind: "agree" }];
    case "awaiting_payment":
    case "awaiting_iban":
      return paymentOptions(state)
        .map((kind, i) => ({ value: String(i + 1), kind, ...(kind === "on_file" ? { last4: state.accountLast4 ?? "" } : {}) }))
        .filter((c) => !(state.stage === "awaiting_iban" && c.kind === "iban"));
    case "awaiting_bank":
      return banks.map((b, i) => ({ value: String(i + 1), kind: "organisation", code: b.code, name: state.language === "kk" ? b.nameKk : b.nameRu }));
    default:
      return [];
  }
}

export function bankPages(banks: readonly PaymentOrganisation[], language: Language): number[][] {
  if (banks.length === 0) throw new Error("the list of payment organisations is empty");
  const all = banks.map((_, i) => i);
  if (fits(banks, all, language, false)) return [all];
  const pages: number[][] = [];
  let page: number[] = [];
  for (const i of all) {
    if (page.length > 0 && !fits(banks, [...page, i], language, true)) {
      pages.push(page);
      page = [];
    }
    page.push(i);
  }
  pages.push(page);
  return pages;
}

function bankListMessage(
  state: OfferState,
  banks: readonly PaymentOrganisation[],
  key: "list" | "listReprompt",
): Outbound {
  const pages = bankPages(banks, state.language);
  const page = pages[state.bankPage % pages.length];
  return render(state.language, `bank.${key}`, { items: bankItems(banks, page, state.language, pages.length > 1) });
}
