import { createLocalTransport } from "./local";
import { createTwilioTransport, type TwilioConfig } from "./twilio";
import type { SmsTransport } from "./types";

export * from "./types";
export { createLocalTransport } from "./local";
export { createTwilioTransport, type TwilioConfig } from "./twilio";

/** Twilio when an account SID is configured, else the local transport. */
export function transportFor(config: { twilio: TwilioConfig | null }): SmsTransport {
  return config.twilio ? createTwilioTransport(config.twilio) : createLocalTransport();
}
