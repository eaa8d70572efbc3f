/**
 * The provider's webhooks: inbound messages and delivery reports. Verify first (X-Twilio-Signature
 * over the public URL and the posted parameters), then act; nothing in the body is trusted before.
 * Replies are never put in the TwiML answer: they go through the outbox, so they are rate-limited,
 * retried and their delivery tracked like every other message.
 */
import twilio from "twilio";
import type { Db } from "../db/client";
import { recordDeliveryStatus } from "../db/queries/sms";
import { applyInboundReply, type InboundOutcome } from "./offers.server";
import { badValue } from "../app/forms.server";

export type WebhookContext = {
  db: Db;
  authToken: string;
  /** The origin Twilio posts to (PUBLIC_BASE_URL); null: the request's own origin. */
  publicBaseUrl: string | null;
  now?: () => Date;
};

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
/** Twilio's inbound parameters are a few kilobytes at most; anything much bigger is not Twilio. */
const MAX_FORM_BYTES = 64 * 1024;
const E164 = /^\+[1-9]\d{6,14}$/;

/** The URL Twilio signed: the public origin with the path and query the request arrived at. */
export function signedUrl(request: Request, publicBaseUrl: string | null) {
  const url = new URL(request.url);
  return `${publicBaseUrl ?? url.origin}${url.pathname}${url.search}`;
}

/** The posted parameters when the signature matches them, else null. */
export async function verifiedParams(request: Request, ctx: Pick<WebhookContext, "authToken" | "publicBaseUrl">): Promise<Record<string, string> | null> {
  const signature = request.headers.get("X-Twilio-Signature");
  if (!signature) return null;
  if (!(request.headers.get("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) return null;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  return twilio.validateRequest(ctx.authToken, signature, signedUrl(request, ctx.publicBaseUrl), params) ? params : null;
}

/**
 * A signed request whose identifiers are unfit to store (a NUL byte, longer than the column): 400.
 * Twilio never sends those, so nothing real is lost, and nothing reaches the database to fail there.
 */
const badRequest = () => new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const badId = (value: string | undefined, max: number) => value !== undefined && badValue(value, max) !== null;
/**
 * The message text keeps what a person typed; a NUL byte cannot be stored and means nothing in an SMS,
 * so it is dropped and the reply applied. Refusing it instead would refuse the same reply on every retry.
 */
const sanitiseBody = (body: string) => body.replaceAll("\u0000", "");

const forbidden = () => new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const twiml = () => new Response(EMPTY_TWIML, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });

/** POST /sms/inbound. Answers 200 with empty TwiML for anything signed, even an unknown number. */
export async function handleInboundWebhook(request: Request, ctx: WebhookContext): Promise<Response & { outcome?: InboundOutcome }> {
  const params = await verifiedParams(request, ctx);
  if (!params) return forbidden();
  const sid = params.MessageSid ?? params.SmsSid;
  const from = params.From;
  if (badId(sid, 64)) return badRequest();
  if (!sid || !from || !E164.test(from)) return twiml();
  const outcome = await applyInboundReply(ctx.db, { sid, from, body: sanitiseBody(params.Body ?? ""), at: ctx.now?.() ?? new Date() });
  return Object.assign(twiml(), { outcome });
}

/** POST /sms/status: Twilio's delivery reports for the messages we sent. */
export async function handleStatusWebhook(request: Request, ctx: WebhookContext): Promise<Response> {
  const params = await verifiedParams(request, ctx);
  if (!params) return forbidden();
  const sid = params.MessageSid ?? params.SmsSid;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (badId(sid, 64) || badId(status, 32) || badId(params.ErrorCode, 16)) return badRequest();
  if (sid && status) await recordDeliveryStatus(ctx.db, sid, status, params.ErrorCode || null, ctx.now?.() ?? new Date());
  return new Response(null, { status: 204 });
}

/**
 * A request exactly as Twilio would send it, signed with the auth token: what /dev/sms posts through
 * the inbound path, and what the tests send.
 */
export function signedWebhookRequest(url: string, params: Record<string, string>, authToken: string): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      "X-Twilio-Signature": twilio.getExpectedTwilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}
