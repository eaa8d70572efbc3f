/**
 * The app's door to sms/: sending (the outbox), the provider's webhooks, the development phone
 * (/dev/sms) and the offer in the cabinet. Routes reach sms/ and its queries only through here.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "./db.server";
import { smsConfig } from "../sms/config";
import { demoMode } from "./env.server";
import { handleInboundWebhook, handleStatusWebhook, signedWebhookRequest, type WebhookContext } from "../sms/inbound.server";
import { applyInboundReply, paymentOrganisations } from "../sms/offers.server";
import { offerChoices, type OfferState } from "../sms/machine";
import { getGateway } from "./gateway.server";
import { runProactiveScan } from "../sms/scan";
import { conversation, conversationPhones, messagesOfCitizen, messagesOfOffer } from "../db/queries/sms";
import { latestOfferOfCitizen } from "../db/queries/offers";
import { OPEN_OFFER_STAGES } from "../db/schema";

/**
 * Queues one outbound SMS in the caller's transaction (see sms/README.md):
 * `await queueSms(tx, { to: "+77015550102", body, purpose: "otp", iin, language: "ru" })`.
 * It is sent after the transaction commits, rate-limited, retried, with delivery tracked.
 */
export { queueSms, type OutboundSms } from "../db/queries/sms";

async function webhookContext(): Promise<WebhookContext> {
  const config = smsConfig();
  return { db: (await getDb()).db, authToken: config.authToken, publicBaseUrl: config.publicBaseUrl };
}

export async function handleTwilioInbound(request: Request) {
  return handleInboundWebhook(request, await webhookContext());
}

export async function handleTwilioStatus(request: Request) {
  return handleStatusWebhook(request, await webhookContext());
}

/** True while no real provider is configured in a demonstration: the only time /dev/sms exists. */
export function localTransportActive() {
  return demoMode() && smsConfig().twilio === null;
}

export function requireLocalTransport() {
  if (!localTransportActive()) throw new Response(null, { status: 404 });
}

export async function devPhones() {
  const { db } = await getDb();
  return conversationPhones(db);
}

export async function devConversation(phone: string) {
  const { db } = await getDb();
  return conversation(db, phone);
}

/**
 * A reply typed on the development phone: posted through the same inbound path Twilio uses, signed
 * with the same token, so the page exercises verification, deduplication and the dialogue alike.
 */
export async function devReply(request: Request, phone: string, text: string) {
  const ctx = await webhookContext();
  const url = `${ctx.publicBaseUrl ?? new URL(request.url).origin}/sms/inbound`;
  const params = { MessageSid: `SM${randomUUID().replace(/-/g, "")}`, AccountSid: "AClocal", From: phone, To: "1414", Body: text, NumSegments: "1" };
  const response = await handleInboundWebhook(signedWebhookRequest(url, params, ctx.authToken), ctx);
  if (response.status !== 200) throw new Error(`the inbound webhook refused the development reply (${response.status})`);
}

export async function devScan(now = new Date()) {
  const { db } = await getDb();
  const config = smsConfig();
  return runProactiveScan(db, { now, policy: config.offerPolicy, cooldownDays: config.cooldownDays });
}

/** The citizen's latest offer and its messages, or null when they never had one. */
export async function cabinetOffer(iin: string) {
  const { db } = await getDb();
  const offer = await latestOfferOfCitizen(db, iin);
  if (!offer) return null;
  const messages = await messagesOfOffer(db, offer.id);
  const state = offer.state as OfferState;
  const banks = state.stage === "awaiting_bank" ? await paymentOrganisations(await getGateway()) : [];
  return {
    id: offer.id,
    stage: offer.stage,
    // The answers the current question takes, as the SMS menu numbers: the cabinet shows them as radios.
    choices: offerChoices(state, banks),
    open: (OPEN_OFFER_STAGES as readonly string[]).includes(offer.stage) || offer.stage === "declined",
    expiresAt: offer.expiresAt.toISOString(),
    messages: messages.map((m) => ({ id: m.id, direction: m.direction, body: m.body, at: m.createdAt.toISOString() })),
  };
}

/**
 * An answer given in the cabinet, for phones that cannot send SMS: the same dialogue and rules, through
 * the same pipeline, with a synthetic message id made when the form was shown (a resubmitted form is
 * applied once).
 */
export async function answerCabinetOffer(iin: string, text: string, formId: string, now = new Date()) {
  const { db } = await getDb();
  const offer = await latestOfferOfCitizen(db, iin);
  if (!offer) return null;
  return applyInboundReply(db, { sid: `cabinet:${formId}`, from: offer.phone, body: text, at: now });
}

/**
 * The citizen's SMS history for the cabinet. One-time codes are shown without the code: a code that
 * could be read in the cabinet would no longer prove the phone is in the citizen's hands.
 */
export async function citizenSmsHistory(iin: string, phone: string | null) {
  const { db } = await getDb();
  const rows = await messagesOfCitizen(db, iin, phone);
  return rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    body: m.purpose === "otp" ? m.body.replace(/\d{4,8}/g, "••••••") : m.body,
    status: m.status,
    at: m.createdAt.toISOString(),
  }));
}
