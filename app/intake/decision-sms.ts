/**
 * The decision SMS (seed 000 Annex 12 item 5: the notice of assignment, or of refusal "с указанием его
 * причин", is also sent "на абонентский номер"): the outcome and, for a refusal, the reason, in the
 * language the person chose when applying, within two UCS-2 segments (sms/templates.ts MAX_SEGMENTS).
 * A person without a cabinet is told where the written notice is handed over. Pure.
 */
import type { Language } from "../../locales";
import { countSegments } from "../../sms/segments";
import { MAX_SEGMENTS } from "../../sms/templates";
import { REFUSAL_GROUND_CODES, type RefusalGroundCode } from "../domain/refusal";
import { decisionSmsT } from "./sms-text";
import { formatTiyn } from "../domain/income";
import { LOCAL_REFUSAL_CODES } from "../services/local/definition";

export type DecisionSmsInput = {
  registrationNumber: string;
  kind: "assignment" | "refusal";
  grounds: readonly string[];
  /** Where the written notice is: the citizen's cabinet, or the Centre / akim who accepted the papers. */
  where: "cabinet" | "office";
  /** Local social assistance (ADR 022): its own wording, the amount granted, and clause 12 reasons. */
  service?: "asp" | "local";
  /** The amount granted (local assistance), in tiyn. */
  amountTiyn?: number | null;
};

const known = (g: string): g is RefusalGroundCode => (REFUSAL_GROUND_CODES as readonly string[]).includes(g);

/**
 * The text, at most two UCS-2 segments. Several grounds are all named when they fit; otherwise the
 * first one and "and others" — the signed notice lists every ground in full.
 */
export function decisionSmsText(lng: Language, input: DecisionSmsInput): string {
  const t = decisionSmsT(lng);
  const where = t(`sms.where.${input.where}`);
  const local = input.service === "local";
  if (input.kind === "assignment") {
    return local
      ? t("sms.local.assignment", { number: input.registrationNumber, amount: formatTiyn(input.amountTiyn ?? 0), where })
      : t("sms.assignment", { number: input.registrationNumber, where });
  }
  const reasons = local
    ? input.grounds.filter((g) => (LOCAL_REFUSAL_CODES as readonly string[]).includes(g)).map((g) => t(`sms.local.reason.${g}`))
    : input.grounds.filter(known).map((g) => t(`sms.reason.${g}`));
  const build = (reason: string) => t(local ? "sms.local.refusal" : "sms.refusal", { number: input.registrationNumber, reason, where });
  const all = build(reasons.length ? reasons.join("; ") : t("sms.reason.unspecified"));
  if (countSegments(all).segments <= MAX_SEGMENTS || reasons.length < 2) return all;
  return build(`${reasons[0]} ${t("sms.andOthers")}`);
}
