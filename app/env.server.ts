/** Configuration, checked once with zod. Every variable has a development default (see README). */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.string().default("development"),
  SESSION_SECRET: z.string().min(16).default("komek-development-session-secret"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(20),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  PUBLIC_BASE_URL: z.string().url().optional(),
  KOMEK_DEMO: z.enum(["0", "1"]).optional(),
  // SMS (sms/README.md). Without an account SID the local transport stores messages as delivered;
  // the auth token also signs the local transport's webhooks, hence its development default.
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC/).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8).default("komek-development-twilio-token"),
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG/).optional(),
  TWILIO_FROM: z.string().optional(),
  /** Development/tests only: send Twilio API calls to this origin (a fake Twilio server). */
  TWILIO_API_BASE_URL: z.string().url().optional(),
  SMS_RATE_PER_SECOND: z.coerce.number().positive().default(10),
  SMS_WORKER: z.enum(["0", "1"]).default("1"),
  OFFER_EXPIRY_HOURS: z.coerce.number().int().positive().default(72),
  OFFER_COOLDOWN_DAYS: z.coerce.number().int().nonnegative().default(90),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
const DEVELOPMENT_SECRET = "komek-development-session-secret";

export function env(): Env {
  if (!cached) {
    const parsed = schema.parse(process.env);
    // A real deployment must not run on the secret that is written in this repository.
    if (parsed.NODE_ENV === "production" && parsed.KOMEK_DEMO !== "1" && parsed.SESSION_SECRET === DEVELOPMENT_SECRET) {
      throw new Error("SESSION_SECRET must be set in production (or KOMEK_DEMO=1 for a demo deployment)");
    }
    cached = parsed;
  }
  return cached;
}

/** For tests that change the environment. */
export function resetEnv() {
  cached = undefined;
}
