import { z } from "zod";
import { iinField } from "./common";

export const citizenLoginSchema = z.object({
  iin: iinField,
  password: z.string({ error: "auth:errors.passwordRequired" }).min(1, "auth:errors.passwordRequired").max(200),
});

export const staffLoginSchema = z.object({
  login: z.string({ error: "auth:errors.loginRequired" }).trim().min(1, "auth:errors.loginRequired").max(64),
  password: z.string({ error: "auth:errors.passwordRequired" }).min(1, "auth:errors.passwordRequired").max(200),
});

/** Where to go after signing in: checked by safeRedirect, so any string is accepted here. */
const redirectTo = z.string().optional();

export const citizenLoginForm = citizenLoginSchema.extend({ redirectTo });
export const staffLoginForm = staffLoginSchema.extend({ redirectTo });

/** Signing in with ЭЦП: the challenge shown and its signature (a compact JWS with the certificate chain). */
export const ecpLoginForm = z.object({
  redirectTo,
  payload: z.string().max(4096, "auth:errors.challengeExpired").default(""),
  signature: z.string({ error: "auth:errors.signatureRequired" }).min(1, "auth:errors.signatureRequired").max(64 * 1024, "auth:errors.signatureRequired"),
});
