/** The specialist's decision on a local-assistance case (ADR 022): assignment or refusal with clause 12 grounds. */
import { z } from "zod";

export const localDecisionSchema = z.object({
  kind: z.enum(["assignment", "refusal"], { error: "local:decide.errors.kind" }),
  /** The ticked grounds, comma-joined by the action (checkboxes post one value each). */
  grounds: z
    .string()
    .max(400)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean).slice(0, 10) : [])),
});
