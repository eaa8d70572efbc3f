/**
 * The intake forms, one zod schema each (shared by the server and the page, like app/callcenter/lookup-form.ts).
 * Errors are i18n keys of the `intake` namespace.
 */
import { z } from "zod";
import { iinField } from "../schemas/common";

const trimmed = (max: number) => z.string().trim().max(max);

export const startForm = z.object({
  service: trimmed(32).regex(/^[a-z][a-z0-9_-]{1,31}$/, "intake:errors.service"),
  iin: iinField,
  language: z.enum(["ru", "kk"], { message: "intake:errors.language" }),
});

export const familyForm = z.object({
  intent: z.literal("family"),
});

export const paymentForm = z.object({
  intent: z.literal("payment"),
  iban: trimmed(40).min(1, "intake:errors.iban"),
});

export const incomesForm = z.object({
  intent: z.literal("incomes"),
  confirmed: z.literal("1", { message: "intake:errors.incomes" }),
});

export const scanForm = z.object({
  intent: z.literal("scan"),
  kind: z.enum(["document", "consent"], { message: "intake:errors.scanKind" }),
});

export const consentSendForm = z.object({ intent: z.literal("consent_send") });
export const consentVerifyForm = z.object({
  intent: z.literal("consent_verify"),
  code: trimmed(10).regex(/^\d{6}$/, "intake:errors.codeFormat"),
});
export const consentPaperForm = z.object({ intent: z.literal("consent_paper") });
export const registerForm = z.object({ intent: z.literal("register") });
export const forwardForm = z.object({ intent: z.literal("forward") });

export const INTENTS = ["family", "payment", "incomes", "scan", "consent_send", "consent_verify", "consent_paper", "register", "forward"] as const;
export type Intent = (typeof INTENTS)[number];

/** Which step of the intake page was posted. */
export const INTAKE_INTENTS = ["family", "incomes", "payment", "scan", "consent_paper", "consent_send", "consent_verify", "register", "forward"] as const;
export const intakeIntentForm = z.object({ intent: z.enum(INTAKE_INTENTS, { message: "intake:errors.intent" }) });
