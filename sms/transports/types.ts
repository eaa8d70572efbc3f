/**
 * The one interface an SMS provider sits behind. Twilio is the first; a Kazakh operator's gateway
 * (a short number such as 1414 through an SMPP or HTTP API) would be another implementation of
 * `send`, plus a route that turns its delivery reports and inbound messages into the same calls
 * the Twilio routes make (see sms/README.md).
 */
export type SmsSendRequest = {
  /** E.164, e.g. +77015550102. */
  to: string;
  body: string;
  /** Where the provider posts delivery status for this message. */
  statusCallback?: string;
};

/** The provider's id for the message and what it said about it right away. */
export type SmsSendResult = { sid: string; status: "sent" | "delivered" | "failed" };

export interface SmsTransport {
  readonly name: "twilio" | "local";
  send(request: SmsSendRequest): Promise<SmsSendResult>;
}

/** A refusal or failure of the provider. `retryable`: worth trying again later (429, 5xx, network). */
export class SmsTransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    readonly providerCode?: number,
  ) {
    super(message);
    this.name = "SmsTransportError";
  }
}
