/**
 * The e-application draft: what the citizen has entered so far, which steps are done, and the exact
 * data they sign. Pure: the server rebuilds the signed data from the stored draft, never from the form.
 */
import { z } from "zod";

export const RELATIONS = ["spouse", "child", "parent", "sibling", "grandchild", "grandparent", "other"] as const;
export type Relation = (typeof RELATIONS)[number];

/** A family is at most this many people besides the applicant; larger lists are refused outright. */
export const MAX_MEMBERS = 19;

export const draftSchema = z.object({
  applicantSeen: z.boolean().optional(),
  members: z.array(z.object({ iin: z.string().regex(/^\d{12}$/), relation: z.enum(RELATIONS) })).max(MAX_MEMBERS).optional(),
  membersConfirmed: z.boolean().optional(),
  incomesConfirmed: z.boolean().optional(),
  payment: z.object({ kind: z.enum(["on_file", "other"]), iban: z.string(), bankCode: z.string() }).optional(),
  // At a Centre or akim desk (issue 16) consent is given on paper (a scan) or by a code sent to the registered number.
  consent: z.object({ at: z.string(), phone: z.string(), method: z.enum(["otp", "paper"]).optional(), scanId: z.number().int().positive().optional() }).optional(),
});

export type Draft = z.infer<typeof draftSchema>;

export const STEPS = ["applicant", "members", "incomes", "payment", "consent", "review"] as const;
export type Step = (typeof STEPS)[number];

export function parseDraft(value: unknown): Draft {
  const parsed = draftSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export function stepDone(step: Step, d: Draft): boolean {
  switch (step) {
    case "applicant":
      return d.applicantSeen === true;
    case "members":
      return d.membersConfirmed === true;
    case "incomes":
      return d.incomesConfirmed === true;
    case "payment":
      return !!d.payment;
    case "consent":
      return !!d.consent;
    case "review":
      return false;
  }
}

/**
 * A new family list: the list and the incomes (which are the family's) must both be confirmed again,
 * so an "I confirm" given for the old family never carries over to the new one.
 */
export function changeMembers(d: Draft, members: NonNullable<Draft["members"]>): Draft {
  return { ...d, members, membersConfirmed: false, incomesConfirmed: false };
}

/** The first step not yet done: where "continue" takes a returning citizen. */
export function resumeStep(d: Draft): Step {
  return STEPS.find((s) => !stepDone(s, d)) ?? "review";
}

/** Steps before `step` that are still missing (review lists them instead of signing). */
export function missingBefore(step: Step, d: Draft): Step[] {
  return STEPS.slice(0, STEPS.indexOf(step)).filter((s) => !stepDone(s, d));
}

export type SubmissionPayload = {
  /** The service's key (app/services/registry.ts), so a signature for one service never fits another. */
  service: string;
  applicationId: string;
  applicantIin: string;
  members: { iin: string; relation: string }[];
  incomesConfirmed: boolean;
  payment: { iban: string | null };
  documentsConsent: boolean;
};

/** The data the citizen signs: everything the decision depends on, nothing the server cannot rebuild. */
export function submissionPayload(service: string, applicationId: string, applicantIin: string, d: Draft): SubmissionPayload {
  return {
    service,
    applicationId,
    applicantIin,
    members: [{ iin: applicantIin, relation: "applicant" }, ...(d.members ?? []).map((m) => ({ iin: m.iin, relation: m.relation }))],
    incomesConfirmed: d.incomesConfirmed === true,
    payment: { iban: d.payment?.iban ?? null },
    documentsConsent: !!d.consent,
  };
}
