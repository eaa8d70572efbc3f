/**
 * sms_inbound: signed Twilio webhooks POSTed to the running portal — each verified, deduplicated by
 * MessageSid and applied to its offer in one transaction — against the bare node:http handler given
 * the same requests. Every offer the scan created gets "Да" (offered → awaiting_payment), then "1"
 * (the account on file → registered in the e-journal in proactive format), so the figure includes
 * real state transitions, registrations among them.
 */
import { randomBytes } from "node:crypto";
import twilio from "twilio";
import type { FreshDb } from "../../db/testing";
import type { LoadRequest } from "../load-worker";
import { runLoad, type Server } from "../http";
import { figure, type Figure } from "../report";

export const BENCH_TWILIO_TOKEN = "komek-bench-twilio-token";

export function signedInbound(baseUrl: string, token: string, from: string, body: string): LoadRequest {
  const url = `${baseUrl}/sms/inbound`;
  const params = { MessageSid: `SM${randomBytes(16).toString("hex")}`, AccountSid: "ACbench", From: from, To: "1414", Body: body };
  return {
    method: "POST",
    path: "/sms/inbound",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(token, url, params) },
    body: new URLSearchParams(params).toString(),
  };
}

async function stages(fresh: FreshDb, phones: string[]) {
  const rows = await fresh.query<{ stage: string; n: number }>(
    `select stage, count(*)::int as n from proactive_offers where phone = any($1::text[]) group by stage order by stage`,
    [phones],
  );
  return rows.map((r) => `${r.n} ${r.stage}`).join(", ");
}

export async function smsInboundWorkload(
  fresh: FreshDb,
  persons: number,
  servers: { portal: Server; bare: Server },
  options: { maxOffers: number; connections: number; log: (line: string) => void },
): Promise<Figure> {
  const offers = await fresh.query<{ phone: string }>(`select phone from proactive_offers where stage = 'offered' order by id limit $1`, [options.maxOffers]);
  const phones = offers.map((o) => o.phone.trim());
  if (phones.length < 100) throw new Error(`the scan made only ${phones.length} offers; seed more persons`);
  // A tenth of the offers warm the server up (module loading, JIT, the pool); the rest are measured.
  const warm = phones.slice(0, Math.ceil(phones.length / 10));
  const measured = phones.slice(warm.length);
  const replies = (list: string[]) => ["Да", "1"].flatMap((text) => list.map((phone) => signedInbound(servers.portal.url, BENCH_TWILIO_TOKEN, phone, text)));
  const before = await stages(fresh, measured);
  const [inbound] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where direction = 'in'`);

  const measuredRequests = replies(measured);
  const [, portal, , bare] = await runLoad([
    { label: "portal warm-up", url: servers.portal.url, connections: options.connections, requests: replies(warm), amount: warm.length * 2 },
    { label: "portal", url: servers.portal.url, connections: options.connections, requests: measuredRequests, amount: measuredRequests.length },
    { label: "bare warm-up", url: servers.bare.url, connections: options.connections, requests: measuredRequests, seconds: 2 },
    { label: "bare", url: servers.bare.url, connections: options.connections, requests: measuredRequests, seconds: 5 },
  ]);
  if (portal.non2xx || portal.errors) throw new Error(`sms_inbound: ${portal.non2xx} non-2xx answers and ${portal.errors} errors from the portal`);
  const after = await stages(fresh, measured);
  const [recorded] = await fresh.query<{ n: number }>(`select count(*)::int as n from sms_messages where direction = 'in'`);
  const stored = recorded.n - inbound.n - warm.length * 2;
  if (stored !== measuredRequests.length) throw new Error(`sms_inbound: ${measuredRequests.length} webhooks answered 200 but ${stored} inbound messages stored`);
  options.log(`sms_inbound: ${portal.perSecond.toFixed(0)}/s (p50 ${portal.p50} ms, p99 ${portal.p99} ms); offers before: ${before}; after: ${after}; bare ${bare.perSecond.toFixed(0)}/s`);
  return figure("sms_inbound", "req/s", portal.perSecond, bare.perSecond, persons, "bare node:http 200", `${measuredRequests.length} replies → ${after}`);
}
