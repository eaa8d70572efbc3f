/** The SMS side's settings, from the environment checked once in app/env.server.ts. */
import { env, type Env } from "../app/env.server";
import { defaultOfferPolicy, type OfferPolicy } from "./machine";
import type { TwilioConfig } from "./transports";

export type SmsConfig = {
  /** Null: the local transport (development, and tests that do not exercise Twilio). */
  twilio: TwilioConfig | null;
  authToken: string;
  /** Origin Twilio reaches us at; null means "the request's own origin". */
  publicBaseUrl: string | null;
  ratePerSecond: number;
  offerPolicy: OfferPolicy;
  cooldownDays: number;
};

export function smsConfig(e: Env = env()): SmsConfig {
  const validityHours = e.OFFER_EXPIRY_HOURS;
  return {
    twilio: e.TWILIO_ACCOUNT_SID
      ? {
          accountSid: e.TWILIO_ACCOUNT_SID,
          authToken: e.TWILIO_AUTH_TOKEN,
          messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
          from: e.TWILIO_FROM,
          apiBaseUrl: e.TWILIO_API_BASE_URL,
        }
      : null,
    authToken: e.TWILIO_AUTH_TOKEN,
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, "") : null,
    ratePerSecond: e.SMS_RATE_PER_SECOND,
    // The reminder goes out a day before the end, or halfway through a short offer.
    offerPolicy: {
      ...defaultOfferPolicy,
      validityHours,
      reminderAfterHours: validityHours > 48 ? validityHours - 24 : validityHours / 2,
    },
    cooldownDays: e.OFFER_COOLDOWN_DAYS,
  };
}
