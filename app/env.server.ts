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
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

/** For tests that change the environment. */
export function resetEnv() {
  cached = undefined;
}
