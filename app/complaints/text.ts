/**
 * The signed letters of issue 16 as data: the answer to a complaint and the notice that a case's term
 * was extended (Annex 12 item 3). The head signs the canonical JSON; it holds the texts the citizen
 * reads, so the signature covers them. Pure: the caller supplies every fact.
 */
import type { TFunction } from "i18next";
import { plainT } from "../plain-text";
import type { Language } from "../../locales";
import { canonicalJson } from "../signature/canonical";


export function complaintsT(lng: Language): TFunction {
  return plainT(lng, "complaints");
}

const ddmmyyyy = (iso: string) => iso.split("-").reverse().join(".");

export type ExtensionFacts = {
  requestId: number;
  registrationNumber: string;
  agency: string;
  requestedOn: string;
  extendedDays: number;
  dueBefore: string;
  dueAfter: string;
};

/** The notice's text in one language (the same words as the unsigned notification it replaces). */
export function extensionText(f: ExtensionFacts, lng: Language): string {
  return complaintsT(lng)("decision:otherAgencies.notice", { number: f.registrationNumber, dueDate: ddmmyyyy(f.dueAfter) });
}

export function extensionSms(f: ExtensionFacts, lng: Language): string {
  return complaintsT(lng)("deciding:sms.otherAgencies", { number: f.registrationNumber, dueDate: ddmmyyyy(f.dueAfter) });
}

/** The exact bytes the head signs for an extension notice. */
export function extensionPayload(f: ExtensionFacts): string {
  return canonicalJson({ type: "komek.asp.extension_notice", version: 1, ...f, text: { ru: extensionText(f, "ru"), kk: extensionText(f, "kk") } });
}

export type AnswerFacts = {
  complaintId: string;
  complaintNumber: string;
  registrationNumber: string;
  registeredOn: string;
  answer: string;
  answeredOn: string;
};

/** The exact bytes the head signs for an answer to a complaint. */
export function answerPayload(f: AnswerFacts): string {
  return canonicalJson({ type: "komek.complaint_answer", version: 1, ...f });
}
