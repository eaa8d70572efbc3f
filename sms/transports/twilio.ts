/**
 * Twilio Programmable Messaging through the official `twilio` library. Retries are not left to the
 * library: the queue retries with backoff (sms/worker.server.ts), so a 429 or 5xx is reported as a
 * retryable error and everything else as final.
 */
import twilio from "twilio";
import { SmsTransportError, type SmsTransport } from "./types";

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** A Messaging Service SID (MG…) or a sender number; the service wins when both are set. */
  messagingServiceSid?: string;
  from?: string;
  /** Send API calls to this origin instead of https://api.twilio.com (a fake Twilio in tests). */
  apiBaseUrl?: string;
};

/**
 * Twilio's client builds https://api.twilio.com/… URLs itself and `edge`/`region` cannot point it at
 * localhost, so a fake server is reached by rewriting the URI in the HTTP client.
 */
class RewritingRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }
  override request<TData>(opts: Parameters<twilio.RequestClient["request"]>[0]) {
    const uri = new URL(opts.uri);
    const target = new URL(this.base);
    uri.protocol = target.protocol;
    uri.host = target.host;
    return super.request<TData>({ ...opts, uri: uri.toString() } as never);
  }
}

export function createTwilioTransport(config: TwilioConfig): SmsTransport {
  if (!config.messagingServiceSid && !config.from) {
    throw new Error("Twilio needs TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM");
  }
  const client = twilio(config.accountSid, config.authToken, {
    autoRetry: false,
    ...(config.apiBaseUrl ? { httpClient: new RewritingRequestClient(config.apiBaseUrl) } : {}),
  });
  const sender = config.messagingServiceSid ? { messagingServiceSid: config.messagingServiceSid } : { from: config.from! };
  return {
    name: "twilio",
    async send({ to, body, statusCallback }) {
      try {
        const message = await client.messages.create({ to, body, ...sender, ...(statusCallback ? { statusCallback } : {}) });
        return { sid: message.sid, status: message.status === "failed" || message.status === "undelivered" ? "failed" : "sent" };
      } catch (error) {
        const e = error as { status?: number; code?: number; message?: string };
        if (typeof e.status === "number") {
          const retryable = e.status === 429 || e.status >= 500;
          throw new SmsTransportError(`twilio ${e.status}${e.code ? ` (${e.code})` : ""}: ${e.message ?? ""}`.trim(), retryable, e.status, e.code);
        }
        // No HTTP answer at all (connection refused, reset, timeout): the request may not have arrived.
        throw new SmsTransportError(`twilio unreachable: ${e.message ?? String(error)}`, true);
      }
    },
  };
}
