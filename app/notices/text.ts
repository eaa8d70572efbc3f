/**
 * The notice of a decision as data and as text in ru and kk. The head signs `noticePayload(...)`:
 * canonical JSON holding the decision and both texts, so the signature covers exactly what the citizen
 * reads in either language. Pure: the caller supplies every fact, including the day of the decision.
 */
import type { TFunction } from "i18next";
import { plainT } from "../plain-text";
import type { Language } from "../../locales";
import { canonicalJson } from "../signature/canonical";
import { formatTiyn } from "../domain/income";
import { barEndsOn, REFUSAL_GROUNDS, reapplyFromAll, type GroundEvents, type RefusalGroundCode } from "../domain/refusal";
import type { IsoDate } from "../domain/kz-time";


/** A t bound to one language, for server-side texts (notices, SMS). */
export function fixedT(lng: Language): TFunction {
  return plainT(lng, "deciding");
}

export type NoticeFacts = {
  noticeId: string;
  registrationNumber: string;
  applicationDate: IsoDate;
  /** The day the head decides and signs. */
  decidedOn: IsoDate;
  verificationCode: string;
  verifyUrl: string;
  applicant: { iin: string; nameRu: string; nameKk: string };
  office: { code: string; nameRu: string; nameKk: string };
  signer: { iin: string; nameRu: string; nameKk: string };
  decision:
    | { kind: "assignment"; amountTiyn: number; period: { from: string; to: string } }
    | { kind: "refusal"; grounds: RefusalGroundCode[]; events: GroundEvents };
  calculation: { perCapitaTiyn: number; povertyLineTenge: number; members: number; amountTiyn: number } | null;
  /** Local social assistance (ADR 022): the category, the act and its clause 12 grounds; the income was compared with the threshold. */
  local?: LocalNoticeFacts;
  /** The role of `signer`: ASP's notice is the head's; a local one is signed by the specialist, then the head. */
  signerRole?: "head" | "specialist";
  /** The specialist who signed the local notice before the head. */
  cosigner?: { role: "specialist"; iin: string; nameRu: string; nameKk: string; serial: string | null; signedAt: string };
};

export type LocalNoticeFacts = {
  category: { code: string; nameRu: string; nameKk: string };
  act: { number: string; date: string; bodyRu: string; bodyKk: string };
  /** The refusal's clause 12 grounds in the act's own words (empty for an assignment). */
  grounds: { code: string; item: number; textRu: string; textKk: string }[];
  /** The category's income threshold in ПМ (calculation.povertyLineTenge holds it in tenge), or null. */
  thresholdPm: number | null;
};

export type NoticeText = { title: string; lines: string[] };

const date = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");
const month = (ym: string) => `${ym.slice(5, 7)}.${ym.slice(0, 4)}`;

/** The notice in one language: a title and its paragraphs. */
export function renderNotice(f: NoticeFacts, lng: Language): NoticeText {
  const t = fixedT(lng);
  const name = (p: { nameRu: string; nameKk: string }) => (lng === "kk" ? p.nameKk : p.nameRu);
  const d = f.decision;
  const lines: string[] = [
    name(f.office),
    t("deciding:notice.application", { number: f.registrationNumber, date: date(f.applicationDate) }),
    t("deciding:notice.applicant", { name: name(f.applicant), iin: f.applicant.iin }),
  ];
  const l = f.local;
  if (l) {
    const act = { number: l.act.number, date: date(l.act.date), body: lng === "kk" ? l.act.bodyKk : l.act.bodyRu };
    lines.push(t("local:notice.category", { code: l.category.code, name: lng === "kk" ? l.category.nameKk : l.category.nameRu, ...act }));
    if (d.kind === "assignment") {
      lines.push(t("local:notice.assigned"));
      lines.push(t("local:notice.amount", { amount: formatTiyn(d.amountTiyn) }));
      lines.push(d.period.from === d.period.to ? t("local:notice.month", { month: month(d.period.from) }) : t("decision:assignment.period", { from: month(d.period.from), to: month(d.period.to) }));
    } else {
      lines.push(t("local:notice.refused"));
      lines.push(`${t("decision:refusal.groundsTitle")}:`);
      l.grounds.forEach((g, i) => lines.push(`${i + 1}) ${t("local:notice.groundItem", { item: g.item, ...act })} ${lng === "kk" ? g.textKk : g.textRu}.`));
      lines.push(t("decision:refusal.appeal"));
    }
    if (f.calculation && l.thresholdPm !== null) {
      lines.push(t("local:notice.income", { perCapita: formatTiyn(f.calculation.perCapitaTiyn), threshold: formatTiyn(f.calculation.povertyLineTenge * 100), pm: l.thresholdPm, members: f.calculation.members }));
    }
    lines.push(t("deciding:notice.decidedOn", { date: date(f.decidedOn) }));
    if (f.cosigner) lines.push(t("local:notice.specialistSigned", { name: name(f.cosigner) }));
    lines.push(t(f.signerRole === "specialist" ? "local:notice.specialistSigned" : "deciding:notice.signedBy", { name: name(f.signer) }));
    lines.push(t("deciding:notice.verify", { code: formatCode(f.verificationCode), url: f.verifyUrl, number: f.registrationNumber }));
    return { title: t(`local:notice.title.${d.kind}`), lines };
  }
  if (d.kind === "assignment") {
    lines.push(t("deciding:notice.assigned"));
    lines.push(t("decision:assignment.amount", { amount: formatTiyn(d.amountTiyn) }));
    lines.push(t("decision:assignment.period", { from: month(d.period.from), to: month(d.period.to) }));
    // At the poverty line the family is low-income and owed nothing: the notice says so (ADR 016).
    if (d.amountTiyn === 0) lines.push(t("decision:assignment.zero"));
  } else {
    lines.push(t("deciding:notice.refused"));
    lines.push(`${t("decision:refusal.groundsTitle")}:`);
    d.grounds.forEach((code, i) => {
      lines.push(`${i + 1}) ${t("deciding:notice.groundItem", { item: REFUSAL_GROUNDS[code].item })} ${t(`decision:${REFUSAL_GROUNDS[code].legalKey}`)}.`);
      lines.push(t(`decision:${REFUSAL_GROUNDS[code].plainKey}`));
      const event = d.events?.[code];
      const until = event ? barEndsOn(code, event.date) : null;
      if (event && until) lines.push(t("decision:refusal.eventOn", { item: REFUSAL_GROUNDS[code].item, date: date(event.date), until: date(until) }));
    });
    const from = reapplyFromAll(d.grounds, d.events ?? {});
    lines.push(from ? t("decision:refusal.reapplyFrom", { date: date(from) }) : t("decision:refusal.reapplyAnyTime"));
    lines.push(t("decision:refusal.appeal"));
  }
  const c = f.calculation;
  if (c) {
    lines.push(
      t("deciding:notice.calculation", {
        perCapita: formatTiyn(c.perCapitaTiyn),
        povertyLine: formatTiyn(c.povertyLineTenge * 100),
        members: c.members,
      }),
    );
  }
  lines.push(t("deciding:notice.decidedOn", { date: date(f.decidedOn) }));
  lines.push(t("deciding:notice.signedBy", { name: name(f.signer) }));
  lines.push(t("deciding:notice.verify", { code: formatCode(f.verificationCode), url: f.verifyUrl, number: f.registrationNumber }));
  return { title: t(`decision:kind.${d.kind}`), lines };
}

export function noticeTextString(n: NoticeText) {
  return [n.title, ...n.lines].join("\n");
}

/** The exact bytes the head signs. */
export function noticePayload(f: NoticeFacts): string {
  return canonicalJson({
    type: "komek.asp.notice",
    version: 1,
    ...f,
    decision: f.decision.kind === "assignment" ? f.decision : { ...f.decision, grounds: [...f.decision.grounds] },
    text: { ru: noticeTextString(renderNotice(f, "ru")), kk: noticeTextString(renderNotice(f, "kk")) },
  });
}

export type NoticePayload = NoticeFacts & { type: "komek.asp.notice"; version: 1; text: { ru: string; kk: string } };

/** The payload a signed notice carries, or null for anything that is not one. */
export function parseNoticePayload(payload: string): NoticePayload | null {
  try {
    const value = JSON.parse(payload) as NoticePayload;
    if (value?.type !== "komek.asp.notice" || value.version !== 1 || typeof value.noticeId !== "string") return null;
    return value;
  } catch {
    return null;
  }
}

/** Ten characters without look-alikes (no 0/O, 1/I/L), printed as two groups of five. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function makeVerificationCode(random: (n: number) => number): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[random(CODE_ALPHABET.length)]).join("");
}
export function formatCode(code: string) {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
/** What a person typed, as stored: case and separators do not matter. */
export function normalizeCode(input: string) {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}
