/** Configuration, checked once with zod. Every variable has a development default (see README). */
import { z } from "zod";

const DEVELOPMENT_TWILIO_TOKEN = "komek-development-twilio-token";

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
  TWILIO_AUTH_TOKEN: z.string().min(8).default(DEVELOPMENT_TWILIO_TOKEN),
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

type RawEnv = Record<string, string | undefined>;

/**
 * A demonstration: demo accounts and citizens are seeded, /dev/* is served, the development CA is
 * trusted, and every page says so. On by default in development (KOMEK_DEMO=0 turns it off); in
 * production only with KOMEK_DEMO=1.
 */
export function demoMode(e: RawEnv = process.env): boolean {
  return e.KOMEK_DEMO === "1" || (e.KOMEK_DEMO !== "0" && (e.NODE_ENV ?? "development") !== "production");
}

/**
 * What stops a production start (NODE_ENV=production without KOMEK_DEMO=1): one line per offending
 * variable. The database role is checked separately (db/roles.ts runtimeRoleProblems), since that
 * needs a connection. Empty outside production and in a demo deployment.
 */
export function productionProblems(e: RawEnv = process.env): string[] {
  if (e.NODE_ENV !== "production" || e.KOMEK_DEMO === "1") return [];
  const problems: string[] = [];
  const secret = e.SESSION_SECRET;
  if (!secret) problems.push("SESSION_SECRET: not set (a random value of at least 32 characters)");
  else if (secret === DEVELOPMENT_SECRET) problems.push("SESSION_SECRET: the development value from the repository");
  else if (secret.length < 16) problems.push("SESSION_SECRET: shorter than 16 characters");
  if (!e.TWILIO_ACCOUNT_SID) problems.push("TWILIO_ACCOUNT_SID: not set, so SMS would go to the local development transport");
  if (!e.TWILIO_AUTH_TOKEN || e.TWILIO_AUTH_TOKEN === DEVELOPMENT_TWILIO_TOKEN) problems.push("TWILIO_AUTH_TOKEN: not set or the development default (it signs the SMS webhooks)");
  if (!e.KOMEK_TRUST_ANCHORS?.trim()) problems.push("KOMEK_TRUST_ANCHORS: not set (the НУЦ РК root certificates, PEM); the development CA is never trusted in production");
  if (!e.KOMEK_CRL?.trim()) problems.push("KOMEK_CRL: not set (the НУЦ РК revocation lists)");
  return problems;
}

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
