/**
 * Console settings from the environment, read on each use so an operator (or a test) can change them
 * without a code change. CALLCENTER_MAX_LOOKUPS_PER_MINUTE: look-ups one agent may make in any
 * 60 seconds; more are refused and logged.
 */
import { z } from "zod";

const schema = z.object({
  CALLCENTER_MAX_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** How long after a look-up its answer may be shown again (switching the answer's language). */
  CALLCENTER_RESULT_MINUTES: z.coerce.number().int().positive().default(30),
});

export type CallcenterConfig = { maxLookupsPerMinute: number; resultMinutes: number };

export function callcenterConfig(env: NodeJS.ProcessEnv = process.env): CallcenterConfig {
  const parsed = schema.parse({
    CALLCENTER_MAX_LOOKUPS_PER_MINUTE: env.CALLCENTER_MAX_LOOKUPS_PER_MINUTE || undefined,
    CALLCENTER_RESULT_MINUTES: env.CALLCENTER_RESULT_MINUTES || undefined,
  });
  return { maxLookupsPerMinute: parsed.CALLCENTER_MAX_LOOKUPS_PER_MINUTE, resultMinutes: parsed.CALLCENTER_RESULT_MINUTES };
}
