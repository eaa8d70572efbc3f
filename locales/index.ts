/**
 * All translations, bundled for the server and the browser alike. A namespace is one JSON file per
 * language; add it to both lists (tests/unit locale parity test enforces equal keys).
 */
import ruCommon from "./ru/common.json";
import kkCommon from "./kk/common.json";
import ruServices from "./ru/services.json";
import kkServices from "./kk/services.json";
import ruAuth from "./ru/auth.json";
import kkAuth from "./kk/auth.json";
import ruApply from "./ru/apply.json";
import kkApply from "./kk/apply.json";
import ruCabinet from "./ru/cabinet.json";
import kkCabinet from "./kk/cabinet.json";
import ruStaff from "./ru/staff.json";
import kkStaff from "./kk/staff.json";
import ruSms from "./ru/sms.json";
import kkSms from "./kk/sms.json";
import ruSignature from "./ru/signature.json";
import kkSignature from "./kk/signature.json";
import ruDecision from "./ru/decision.json";
import kkDecision from "./kk/decision.json";
import ruDeciding from "./ru/deciding.json";
import kkDeciding from "./kk/deciding.json";
import ruSmsui from "./ru/smsui.json";
import kkSmsui from "./kk/smsui.json";
import ruCallcenter from "./ru/callcenter.json";
import kkCallcenter from "./kk/callcenter.json";
import ruUi from "./ru/ui.json";
import kkUi from "./kk/ui.json";
import ruPayments from "./ru/payments.json";
import kkPayments from "./kk/payments.json";
import ruComplaints from "./ru/complaints.json";
import kkComplaints from "./kk/complaints.json";
import ruIntake from "./ru/intake.json";
import kkIntake from "./kk/intake.json";
import ruLocal from "./ru/local.json";
import kkLocal from "./kk/local.json";
import ruLists from "./ru/lists.json";
import kkLists from "./kk/lists.json";

export const supportedLanguages = ["ru", "kk"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "ru";

export const resources = {
  ru: { common: ruCommon, services: ruServices, auth: ruAuth, apply: ruApply, cabinet: ruCabinet, staff: ruStaff, sms: ruSms, signature: ruSignature, decision: ruDecision, deciding: ruDeciding, smsui: ruSmsui, callcenter: ruCallcenter, ui: ruUi, payments: ruPayments, complaints: ruComplaints, intake: ruIntake, local: ruLocal, lists: ruLists },
  kk: { common: kkCommon, services: kkServices, auth: kkAuth, apply: kkApply, cabinet: kkCabinet, staff: kkStaff, sms: kkSms, signature: kkSignature, decision: kkDecision, deciding: kkDeciding, smsui: kkSmsui, callcenter: kkCallcenter, ui: kkUi, payments: kkPayments, complaints: kkComplaints, intake: kkIntake, local: kkLocal, lists: kkLists },
} as const;

export const namespaces = Object.keys(resources.ru) as (keyof (typeof resources)["ru"])[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}
