/**
 * The payment forms' zod schemas (one per form), shared by the routes and their tests. Messages are
 * i18n keys of the payments namespace.
 */
import { z } from "zod";
import { isIsoDate } from "../domain/kz-time";
import { TERMINATION_GROUNDS } from "./calendar";
import { RECOVERY_ACTIONS } from "./recovery";
import { decimalToTiyn } from "./files";
import { signedForm } from "../application/forms";

const isoDate = (message: string) => z.string({ error: message }).trim().refine((s) => isIsoDate(s), message);
const id = (message: string) => z.string({ error: message }).trim().regex(/^\d{1,15}$/, message).transform(Number);

/** A staff finding or a registry event recorded by staff on the case (clause 14). */
export const terminationForm = z.object({
  ground: z.enum(TERMINATION_GROUNDS, { error: "payments:errors.form.ground" }),
  eventDate: isoDate("payments:errors.form.date"),
  note: z.string().trim().max(500, "payments:errors.form.note").optional().default(""),
});

const tenge = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s/g, "").replace(",", "."))
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, "payments:errors.form.amount"))
  .transform(decimalToTiyn);

/** The finance officer's step on an overpayment (clause 15): a repayment needs its sum in tenge. */
export const recoveryForm = z
  .object({
    intent: z.literal("recovery"),
    overpayment: id("payments:errors.form.overpayment"),
    action: z.enum(RECOVERY_ACTIONS, { error: "payments:errors.form.action" }),
    amount: z.string().optional().default(""),
    date: isoDate("payments:errors.form.date"),
  })
  .transform((v, ctx) => {
    if (v.action !== "repay") return { ...v, amountTiyn: undefined };
    const amount = tenge.safeParse(v.amount);
    if (!amount.success || amount.data <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "payments:errors.form.amount" });
      return z.NEVER;
    }
    return { ...v, amountTiyn: amount.data };
  });

/** The finance officer records a transfer (clause 20). */
export const transferForm = z.object({
  intent: z.literal("transfer").optional(),
  demand: id("payments:errors.form.demand"),
  date: isoDate("payments:errors.form.date"),
});

/** The citizen's corrected account, for one of their own assignments. */
export const accountForm = z.object({
  /** An application's id, or "grants" for the recipient's list grants (cabinet.server.ts GRANTS_TARGET). */
  application: z.union([z.string().trim().uuid("payments:cabinet.applicationMissing"), z.literal("grants")], { error: "payments:cabinet.applicationMissing" }).optional(),
  iban: z.string().max(60).default(""),
});

/**
 * The two steps of a signed staff action (ADR 023): `review` shows what the step does and the payload
 * to sign; `sign` carries that payload and its JWS. Anything else is the review.
 */
export const stepForm = z.object({ step: z.enum(["review", "sign"]).catch("review") });

/** The payload and its compact JWS of a signed payment step (a short canonical JSON). */
export const paymentSignatureForm = signedForm(16 * 1024, "payments:errors.form.signature");

/** Which form of the staff payments page was sent: a transfer (the default) or a recovery step. */
export const paymentsIntentForm = z.object({ intent: z.enum(["transfer", "recovery"]).catch("transfer") });
