/**
 * The texts of holiday and by-list payments in ru and kk: the SMS to each recipient (rendered once per
 * list and language with {AMOUNT}, {NUMBER} and {DATE} left for SQL to fill, within the two-segment
 * budget of sms/templates.ts) and the decision the cabinet shows. Pure.
 */
import type { TFunction } from "i18next";
import { plainT } from "../plain-text";
import type { Language } from "../../locales";
import { formatTenge } from "./rules";
import { formatCode } from "../notices/text";


export function listsT(lng: Language): TFunction {
  return plainT(lng, "lists");
}

/** '05-09' → "9 мая" / "9 мамыр". */
export function occasionDay(mmdd: string, lng: Language): string {
  const [mm, dd] = mmdd.split("-");
  return `${Number(dd)} ${listsT(lng)(`months.${mm}`)}`;
}

/** The SMS texts of a list with the placeholders {AMOUNT}, {NUMBER}, {DATE}. */
export function smsTemplates(kind: "holiday" | "needs", subject: string, code: string): Record<Language, string> {
  const one = (lng: Language) =>
    kind === "holiday" ? listsT(lng)("sms.holiday", { occasion: occasionDay(subject, lng) }) : listsT(lng)("sms.needs", { code });
  return { ru: one("ru"), kk: one("kk") };
}

/** The SMS as sent (what the SQL fill produces), for tests and the segment budget. */
export function fillSms(template: string, v: { amount: number; number: string; date: string }): string {
  const [y, m, d] = v.date.split("-");
  return template.replace("{AMOUNT}", String(v.amount).replace(/\B(?=(\d{3})+(?!\d))/g, " ")).replace("{NUMBER}", v.number).replace("{DATE}", `${d}.${m}.${y}`);
}

export type GrantNoticeFacts = {
  number: string;
  decidedOn: string;
  paymentDate: string;
  kind: "holiday" | "needs";
  subject: string;
  occasion: { nameRu: string; nameKk: string } | null;
  act: { titleRu: string; titleKk: string };
  office: { nameRu: string; nameKk: string };
  lines: { nameRu: string; nameKk: string; amountTenge: number }[];
  totalTenge: number;
  signer: { name: string | null; at: string };
  /** The printed code and the /verify address (ADR 024). */
  verification: { code: string; url: string };
};

const dmy = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

/** The decision as the recipient reads it in the cabinet. */
export function renderGrantNotice(f: GrantNoticeFacts, lng: Language): { title: string; lines: string[]; verify: { number: string; code: string; href: string } } {
  const t = listsT(lng);
  const pick = (x: { nameRu: string; nameKk: string }) => (lng === "kk" ? x.nameKk : x.nameRu);
  const clause =
    f.kind === "holiday" ? t("notice.clauseHoliday", { occasion: f.occasion ? pick(f.occasion) : f.subject }) : t("notice.clauseNeeds", { code: f.subject.replace(/^8\./, "") });
  return {
    title: t("notice.title", { number: f.number }),
    lines: [
      dmy(f.decidedOn),
      t("notice.lead", { office: lng === "kk" ? f.office.nameKk : f.office.nameRu, act: lng === "kk" ? f.act.titleKk : f.act.titleRu, clause }),
      ...f.lines.map((l) => t("notice.line", { category: pick(l), amount: formatTenge(l.amountTenge) })),
      t("notice.total", { amount: formatTenge(f.totalTenge), date: dmy(f.paymentDate) }),
      t("notice.signed", { name: f.signer.name ?? "—", date: dmy(f.signer.at) }),
      t("notice.verify", { code: formatCode(f.verification.code), number: f.number, url: f.verification.url }),
    ],
    verify: { number: f.number, code: formatCode(f.verification.code), href: `/verify?number=${encodeURIComponent(f.number)}&code=${f.verification.code}` },
  };
}
