/**
 * The complaint forms' schemas (one per form), shared by the server and the page. The text's own
 * rules (empty, too long) are the domain's (app/domain/complaints.ts), so every channel says the same.
 */
import { z } from "zod";
import { iinField } from "../schemas/common";

/** A one-time key the page puts in the form, so a double submit makes one complaint. */
const submitKey = z.string().regex(/^[A-Za-z0-9-]{16,64}$/, "complaints:errors.stale");
const text = z.string().default("");
const language = z.enum(["ru", "kk"], { error: "complaints:errors.notAllowed" });
const registrationNumber = z
  .string({ error: "complaints:errors.registrationNumber" })
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2,5}\d{2}-\d{6}$/, "complaints:errors.registrationNumber"));

export const cabinetComplaintForm = z.object({
  applicationId: z.string({ error: "complaints:errors.case" }).regex(/^[0-9a-f-]{36}$/i, "complaints:errors.case"),
  text,
  submitKey,
});

export const callcenterComplaintForm = z.object({
  iin: iinField,
  registrationNumber,
  callReference: z.string({ error: "complaints:errors.callReference" }).trim().min(1, "complaints:errors.callReference").max(64, "complaints:errors.callReference"),
  text,
  language,
  submitKey,
});

export const paperComplaintForm = z.object({ registrationNumber, text, language, submitKey });

export const answerForm = z.object({ answer: z.string().default("") });

export const COMPLAINT_FIELDS = ["iin", "registrationNumber", "callReference", "applicationId", "text", "language", "answer"];
