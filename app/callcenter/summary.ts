/**
 * What a 1414 agent is shown about a caller, as plain data: built once per look-up from the rows the
 * query returned, stored as the audit record of "what was shown", and rendered in either language
 * from that record. Pure (no I/O, `now` passed in), and shared by the server and the page.
 *
 * The summary holds codes and dates only — never names beyond initials, incomes, addresses, family
 * members or findings — so storing it keeps the audit log as lean as the screen.
 */
import { kzDate } from "../domain/kz-time";
import { MAIN_PATH, isFinal, type WorkflowState } from "../domain/workflow";
import { accountLast4, personInitials } from "../domain/masking";
import type { ShownPayment } from "../payments/lookup";

export type ApplicationChannel = "portal" | "proactive" | "centre" | "akim";

/** An application as the look-up query returns it. */
export type ApplicationRow = {
  registrationNumber: string | null;
  status: WorkflowState;
  channel: ApplicationChannel;
  applicationDate: string | null;
  dueDate: string | null;
  /** Last four characters of the payment account, when the application has one. */
  accountTail: string | null;
  /** The service's key (absent in look-ups logged before issue 14: ASP). */
  service?: string;
  /** Local assistance: the category the case was filed under, named in both languages from its act. */
  local?: ShownLocalCategory | null;
};

export type ShownLocalCategory = { code: string; name: { ru: string; kk: string } };

/** A proactive offer as the look-up query returns it (stage from sms/machine.ts, delivery from the offer SMS). */
export type OfferRow = {
  sentAt: string;
  stage: string;
  expiresAt: string;
  declinedAt: string | null;
  declineRevocableHours: number | null;
  /** Status of the latest offer SMS (db sms_status), or null when none was written. */
  delivery: string | null;
  registrationNumber: string | null;
  accountTail: string | null;
  /** When the recipient consented (the offer was answered); absent in rows read before issue 16. */
  consentAt?: string | null;
};

export type PersonInitialsRow = {
  firstRu: string | null; patronymicRu: string | null; lastRu: string | null;
  firstKk: string | null; patronymicKk: string | null; lastKk: string | null;
};

export type OfferDelivery = "queued" | "sent" | "delivered" | "not_delivered";
export type OfferAnswer = "awaiting_reply" | "consented" | "declined" | "expired" | "opted_out" | "closed_registered";
export type OfferCallStage = "offered" | "awaiting_payment" | "registered" | "not_registered" | "declined" | "expired" | "opted_out" | "closed_registered";

export type ShownApplication = {
  number: string | null;
  status: WorkflowState;
  channel: ApplicationChannel;
  applicationDate: string | null;
  dueDate: string | null;
  overdue: boolean;
  /** Position on the main path after registration (1 = registered … 8 = notice delivered). */
  stage: { step: number; of: number } | null;
  account: string | null;
  /** Issue 16: calendar days the term was extended by requests to other agencies (dueDate includes them). */
  extendedDays?: number;
  /** Issue 14: the service (absent = ASP) and, for local assistance, the category. */
  service?: string;
  local?: ShownLocalCategory;
};

/** Issue 14: a decision of a holiday or by-list payment list (no application), as 1414 tells it. */
export type ShownGrant = {
  number: string;
  decidedOn: string;
  paymentDate: string;
  totalTenge: number;
  /** The occasion ("9 May") or the by-list category, in both languages. */
  what: { ru: string; kk: string };
  lines: { name: { ru: string; kk: string }; amountTenge: number }[];
  /** The payment date has passed on the day of the look-up (Kazakhstan calendar). */
  duePassed: boolean;
};

export type ShownOffer = {
  sentAt: string;
  delivery: OfferDelivery;
  answer: OfferAnswer;
  stage: OfferCallStage;
  /** Until when the recipient may still answer (open offers only). */
  replyBy: string | null;
  /** Until when a decline may still be turned into consent. */
  changeableUntil: string | null;
  registrationNumber: string | null;
  account: string | null;
  /** The recipient consented at some point (issue 16): a later STOP does not undo the answer. */
  consented?: boolean;
};

export type ShownSummary = {
  version: 1;
  /** Null when nothing was found for the query. */
  subject: { initials: { ru: string; kk: string } } | null;
  applications: ShownApplication[];
  offers: ShownOffer[];
  /** Issue 15: the latest payment, masked (absent in look-ups logged before payments existed). */
  payment?: ShownPayment;
  /** Issue 16: the person's complaints (absent in look-ups logged before complaints existed). */
  complaints?: ShownComplaint[];
  /** Issue 14: the person's holiday and by-list decisions, on a look-up by IIN only. */
  grants?: ShownGrant[];
};

/** A complaint as 1414 tells it: its number, case, state, dates and, once signed, the answer. */
export type ShownComplaint = {
  number: string;
  registrationNumber: string | null;
  channel: "cabinet" | "callcenter" | "paper";
  status: "registered" | "under_review" | "answered";
  registeredOn: string;
  answerDue: string;
  overdue: boolean;
  answeredAt: string | null;
  answer: string | null;
};

const REGISTERED_PATH: readonly WorkflowState[] = MAIN_PATH.filter((s) => s !== "draft");
const BEFORE_REGISTRATION: readonly WorkflowState[] = ["draft", "rejected_at_check"];

/** Past its due date (Kazakhstan calendar) while no result has reached the applicant. */
export function isOverdue(status: WorkflowState, dueDate: string | null, today: string): boolean {
  if (!dueDate || BEFORE_REGISTRATION.includes(status) || isFinal(status)) return false;
  return today > dueDate;
}

export function applicationStage(status: WorkflowState): ShownApplication["stage"] {
  const index = REGISTERED_PATH.indexOf(status);
  return index < 0 ? null : { step: index + 1, of: REGISTERED_PATH.length };
}

export function offerDelivery(smsStatus: string | null): OfferDelivery {
  switch (smsStatus) {
    case "sent":
      return "sent";
    case "delivered":
      return "delivered";
    case "undelivered":
    case "failed":
      return "not_delivered";
    default:
      // queued, sending, or no message row yet: the provider has not confirmed acceptance.
      return "queued";
  }
}

const OPEN_STAGES = ["offered", "awaiting_payment", "awaiting_iban", "awaiting_bank"];
const HOUR_MS = 3_600_000;

/**
 * The offer's stage as the agent tells it. An open offer past its expiry reads as expired even before
 * the expiry job has updated the row, so the agent never promises a reply window that has closed.
 */
export function offerCallStage(row: Pick<OfferRow, "stage" | "expiresAt">, now: Date): OfferCallStage {
  if (OPEN_STAGES.includes(row.stage) && new Date(row.expiresAt).getTime() <= now.getTime()) return "expired";
  switch (row.stage) {
    case "offered":
      return "offered";
    case "awaiting_payment":
    case "awaiting_iban":
    case "awaiting_bank":
      return "awaiting_payment";
    case "registered":
    case "not_registered":
    case "declined":
    case "expired":
    case "opted_out":
    case "closed_registered":
      return row.stage;
    default:
      throw new Error(`unknown offer stage "${row.stage}"`);
  }
}

export function offerAnswer(stage: OfferCallStage): OfferAnswer {
  switch (stage) {
    case "offered":
      return "awaiting_reply";
    case "awaiting_payment":
    case "registered":
    case "not_registered":
      return "consented";
    default:
      return stage;
  }
}

export function buildShownOffer(row: OfferRow, now: Date): ShownOffer {
  const stage = offerCallStage(row, now);
  let changeableUntil: string | null = null;
  if (stage === "declined" && row.declinedAt && row.declineRevocableHours) {
    const until = new Date(new Date(row.declinedAt).getTime() + row.declineRevocableHours * HOUR_MS);
    if (until.getTime() > now.getTime()) changeableUntil = until.toISOString();
  }
  return {
    sentAt: new Date(row.sentAt).toISOString(),
    delivery: offerDelivery(row.delivery),
    answer: offerAnswer(stage),
    stage,
    replyBy: stage === "offered" || stage === "awaiting_payment" ? new Date(row.expiresAt).toISOString() : null,
    changeableUntil,
    registrationNumber: row.registrationNumber,
    account: accountLast4(row.accountTail),
    ...(row.consentAt ? { consented: true } : {}),
  };
}

export function buildShownApplication(row: ApplicationRow, now: Date): ShownApplication {
  return {
    number: row.registrationNumber,
    status: row.status,
    channel: row.channel,
    applicationDate: row.applicationDate,
    dueDate: row.dueDate,
    overdue: isOverdue(row.status, row.dueDate, kzDate(now)),
    stage: applicationStage(row.status),
    account: accountLast4(row.accountTail),
    ...(row.service && row.service !== "asp" ? { service: row.service } : {}),
    ...(row.local ? { local: row.local } : {}),
  };
}

/** A list decision with its names taken from the act it was made under (null when the act file is gone: codes stand in). */
export function buildShownGrant(
  row: { number: string; decidedOn: string; paymentDate: string; totalTenge: number; kind: "holiday" | "needs"; subject: string; lines: { code: string; amount: number }[] },
  act: { occasions: { date: string; nameRu: string; nameKk: string }[]; categories: { code: string; nameRu: string; nameKk: string }[] } | null,
  now: Date,
): ShownGrant {
  const named = (x: { nameRu: string; nameKk: string } | undefined, fallback: string) => (x ? { ru: x.nameRu, kk: x.nameKk } : { ru: fallback, kk: fallback });
  return {
    number: row.number,
    decidedOn: row.decidedOn,
    paymentDate: row.paymentDate,
    totalTenge: row.totalTenge,
    what: row.kind === "holiday" ? named(act?.occasions.find((o) => o.date === row.subject), row.subject) : named(act?.categories.find((c) => c.code === row.subject), row.subject),
    lines: row.lines.map((l) => ({ name: named(act?.categories.find((c) => c.code === l.code), l.code), amountTenge: Number(l.amount) })),
    duePassed: kzDate(now) > row.paymentDate,
  };
}

/** What the caller is told about a list decision: nothing to do before its payment date; after it, where to ask. */
export function grantNextStep(g: ShownGrant): Message {
  return { key: g.duePassed ? "callcenter:next.grant.due_passed" : "callcenter:next.grant.awaiting", params: { date: g.paymentDate } };
}

export function buildSummary(
  found: { person: PersonInitialsRow | null; applications: ApplicationRow[]; offers: OfferRow[] } | null,
  now: Date,
): ShownSummary {
  if (!found || (!found.person && !found.applications.length && !found.offers.length)) {
    return { version: 1, subject: null, applications: [], offers: [] };
  }
  const p = found.person;
  return {
    version: 1,
    subject: {
      initials: {
        ru: p ? personInitials({ first: p.firstRu, patronymic: p.patronymicRu, last: p.lastRu }) : "",
        kk: p ? personInitials({ first: p.firstKk, patronymic: p.patronymicKk, last: p.lastKk }) : "",
      },
    },
    applications: found.applications.map((a) => buildShownApplication(a, now)),
    offers: found.offers.map((o) => buildShownOffer(o, now)),
  };
}

/** An i18n key with its parameters; dates are 'YYYY-MM-DD' or ISO instants, formatted by the page. */
export type Message = { key: string; params?: Record<string, string> };

/** What the caller should do next about an application, in the decision namespace's words. */
export function applicationNextSteps(a: ShownApplication): Message[] {
  const steps: Message[] = [];
  if (a.overdue && a.dueDate) steps.push({ key: "callcenter:next.overdue", params: { dueDate: a.dueDate } });
  // Local assistance has its own commissions and documents (seed 001), so its own words per status.
  const key = a.service === "local" ? `callcenter:next.local.${a.status}` : `decision:status.${a.status}.next`;
  steps.push({ key, params: a.dueDate ? { dueDate: a.dueDate } : undefined });
  return steps;
}

/** What the caller should do next about a proactive offer. */
export function offerNextStep(o: ShownOffer): Message {
  switch (o.stage) {
    case "offered":
      return o.delivery === "not_delivered"
        ? { key: "callcenter:next.offer.not_delivered" }
        : { key: "callcenter:next.offer.offered", params: { replyBy: o.replyBy ?? "" } };
    case "awaiting_payment":
      return { key: "callcenter:next.offer.awaiting_payment", params: { replyBy: o.replyBy ?? "" } };
    case "registered":
      return { key: "callcenter:next.offer.registered", params: { number: o.registrationNumber ?? "" } };
    case "declined":
      return o.changeableUntil
        ? { key: "callcenter:next.offer.declined_changeable", params: { until: o.changeableUntil } }
        : { key: "callcenter:next.offer.declined" };
    default:
      return { key: `callcenter:next.offer.${o.stage}` };
  }
}
