/**
 * What a free-text SMS reply means, independent of the dialogue's state.
 *
 * People answer from any phone and keyboard: Russian or Kazakh, Cyrillic or Latin, Kazakh letters
 * typed as their Russian neighbours (ЖОК for ЖОҚ), Latin letters that look Cyrillic (ДA, HET, CTOП),
 * punctuation and spaces everywhere. Words are compared by a "skeleton" that folds all of these
 * together, so a keyword list written once in its natural spelling matches every variant.
 */
import { parseKzIban, type IbanReason } from "../app/domain/iban";

export type ReplyIntent =
  | { kind: "stop" }
  | { kind: "help" }
  | { kind: "iban"; iban: string; bankCode: string }
  | { kind: "badIban"; reason: IbanReason }
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "number"; value: number }
  | { kind: "bank"; code: string; bic: string }
  | { kind: "unclear" };

// Latin letters that look like Cyrillic ones, and Kazakh letters folded to the Russian letter people
// type instead (Ә→А, Қ→К, І→И …). Latin I folds with Kazakh І, so IA reads as ИӘ.
const SKELETON: Record<string, string> = {
  A: "А", B: "В", C: "С", E: "Е", H: "Н", I: "И", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
  Ә: "А", Ғ: "Г", Қ: "К", Ң: "Н", Ө: "О", Ұ: "У", Ү: "У", Һ: "Х", І: "И", Ё: "Е", Й: "И",
};

/**
 * Unicode folded before anything else: NFKC turns full-width digits and letters (１, ＤＡ) and other
 * compatibility forms into their plain ones; the schwa has three look-alikes besides Kazakh Ә/ә
 * (U+04D8/U+04D9): Latin Ə/ə (U+018F/U+0259) and Latin Ǝ/ǝ (U+018E/U+01DD), all read as Ә; Latin Ä
 * (the 2021 Latin alphabet) too.
 */
export function normalise(text: string): string {
  // № would become "No" under NFKC; it is only a number sign here.
  return text.replace(/№/g, "#").normalize("NFKC").replace(/[\u018F\u0259\u018E\u01DD\u00C4\u00E4]/g, (ch) => (ch === ch.toUpperCase() ? "Ә" : "ә"));
}

function skeleton(text: string): string {
  return [...normalise(text).toUpperCase()].map((ch) => SKELETON[ch] ?? ch).join("");
}

function tokens(text: string): string[] {
  return skeleton(text)
    .replace(/[^0-9A-ZА-Я]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

const words = (...list: string[]) => new Set(list.map(skeleton));

const STOP = words("STOP", "СТОП", "ТОҚТАТУ", "TOKTATU", "ТОҚТА", "TOKTA", "TOQTA", "TOQTATU", "ОТПИСКА", "ОТПИСАТЬСЯ", "UNSUBSCRIBE");
const HELP = words("HELP", "ПОМОЩЬ", "КӨМЕК", "KOMEK", "POMOSH", "СПРАВКА", "INFO");
const YES = words(
  "ДА", "DA", "ИӘ", "ИЯ", "ИЕ", "IA", "IYA", "IYE", "IE", "YES", "OK", "OKAY", "АГА", "СОГЛАСЕН", "СОГЛАСНА", "СОГЛАСНЫ",
  "КОНЕЧНО", "KONECHNO", "ДАВАЙТЕ", "ХОРОШО", "ЖАРАЙДЫ", "ЖАРАР", "ӘРИНЕ", "ARINE",
  "КЕЛІСЕМІН", "КЕЛІСЕМ", "КЕЛІСЕМІЗ",
);
const NO = words("НЕТ", "NET", "ЖОҚ", "ZHOK", "JOQ", "NO", "NOPE", "КЕЛІСПЕЙМІН", "КЕЛІСПЕЙМІЗ", "ОТКАЗ", "ОТКАЗЫВАЮСЬ");
// A negation before a consent word turns it into a decline: "не согласен", "не надо".
const NEGATION = words("НЕ", "NE");
const NEGATABLE = new Set([...YES, ...words("НАДО", "ХОЧУ", "НУЖНО")]);
// Courtesy and framing words that carry no answer of their own.
const FILLER = words(
  "СПАСИБО", "РАХМЕТ", "ПОЖАЛУЙСТА", "Я", "МЕН", "МЫ", "БІЗ", "ОТВЕТ", "ЖАУАП", "ВАРИАНТ", "НОМЕР", "НӨМІР",
  "ЗДРАВСТВУЙТЕ", "СӘЛЕМЕТСІЗ", "БЕ", "САЛЕМ", "THANKS", "THANK", "YOU",
);

// Cyrillic letters that look Latin, for reading an IBAN typed partly in Cyrillic (КZ…).
const TO_LATIN: Record<string, string> = {
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y",
};

/**
 * An account number anywhere in the text: two letters, two check digits, then account characters,
 * with spaces or dashes between groups. A long run of digits with no country code (often a card
 * number) is reported as a malformed IBAN so the reply can say what is needed instead.
 */
function findIban(text: string): ReplyIntent | null {
  const latin = [...normalise(text).toUpperCase()].map((ch) => TO_LATIN[ch] ?? ch).join("");
  const start = latin.search(/(?<![0-9A-Z])[A-Z]{2}[\s-]*\d[\s-]*\d/);
  if (start >= 0) {
    let candidate = "";
    for (const ch of latin.slice(start)) {
      if (/[0-9A-Z]/.test(ch)) candidate += ch;
      else if (!/[\s\-.]/.test(ch)) break;
      if (candidate.length === 20) break;
    }
    // "KZ12" alone or similar short runs are not account numbers; let the other rules read them.
    if (candidate.length >= 12) return ibanIntent(candidate);
  }
  const digitRun = latin.match(/\d(?:[\s-]?\d){9,}/);
  if (digitRun) return { kind: "badIban", reason: "format" };
  return null;
}

/**
 * Payment organisations by name, in both scripts, with the short forms people use. Keys are
 * "bank code|BIC" (the code is positions 5-7 of a KZ IBAN, as in db/seed/banks.ts). A reply is a bank only when every meaningful
 * word of it belongs to one bank's name ("каспи", "Kaspi Bank", "в халык банк"), so "да" or a
 * sentence never turns into a bank.
 */
export const BANK_NAMES: Record<string, string[]> = {
  "601|HSBKKZKX": ["ХАЛЫК", "ХАЛЫҚ", "HALYK", "HALYQ", "НАРОДНЫЙ", "ХАЛЫК БАНК", "HALYK BANK", "НАРОДНЫЙ БАНК", "ХАЛЫҚ БАНКІ"],
  "722|CASPKZKA": ["КАСПИ", "KASPI", "КАСПИЙ", "KASPI BANK", "КАСПИ БАНК"],
  "856|KCJBKZKX": ["ЦЕНТРКРЕДИТ", "ЦЕНТР КРЕДИТ", "CENTERCREDIT", "CENTER CREDIT", "БЦК", "BCC", "БАНК ЦЕНТРКРЕДИТ"],
  "965|IRTYKZKA": ["ФОРТЕ", "FORTE", "FORTEBANK", "ФОРТЕБАНК", "FORTE BANK", "ФОРТЕ БАНК"],
  "998|TSESKZKA": ["ALATAU", "АЛАТАУ", "ALATAU CITY", "ALATAU CITY BANK", "JUSAN", "ЖУСАН", "ДЖУСАН", "JUSAN BANK"],
  "914|BRKEKZKA": ["BEREKE", "БЕРЕКЕ", "BEREKE BANK", "БЕРЕКЕ БАНК"],
  "948|EURIKZKA": ["ЕВРАЗИЙСКИЙ", "ЕУРАЗИЯЛЫҚ", "EURASIAN", "ЕВРАЗИЙСКИЙ БАНК", "ЕУРАЗИЯЛЫҚ БАНК", "EURASIAN BANK"],
  "551|KSNVKZKA": ["ФРИДОМ", "FREEDOM", "ФРИДОМ БАНК", "FREEDOM BANK"],
  "821|KINCKZKA": ["RBK", "РБК", "BANK RBK", "БАНК РБК"],
  "886|INLMKZKA": ["HOME CREDIT", "ХОУМ КРЕДИТ", "ХОУМ", "HOMECREDIT", "HOME CREDIT BANK"],
  "849|NURSKZKX": ["НУРБАНК", "НҰРБАНК", "NURBANK", "НУР БАНК"],
  "949|ATYNKZKA": ["ALTYN", "АЛТЫН", "ALTYN BANK", "АЛТЫН БАНК"],
  "563|KPSTKZKA": ["КАЗПОЧТА", "ҚАЗПОШТА", "КАЗПОШТА", "KAZPOST", "KAZPOCHTA", "KAZPOSHTA", "ПОЧТА", "ПОШТА", "POCHTA"],
};

// Words around a bank's name that do not change which bank: "банк", "в", "через", "АО".
const BANK_FILLER = words("БАНК", "ВЫБИРАЮ", "ТАҢДАЙМЫН", "ХОЧУ", "БАНКІ", "BANK", "В", "ВО", "ЧЕРЕЗ", "АО", "АҚ", "AO", "НА", "КАРТА", "КАРТУ", "КАРТАҒА", "КАРТОЧКА", "CARD");
const BANK_TOKENS: [code: string, tokens: string[]][] = Object.entries(BANK_NAMES).flatMap(([code, names]) =>
  names.map((n) => [code, tokens(n).filter((t) => !BANK_FILLER.has(t))] as [string, string[]]),
);

/** The bank a reply names, when it names exactly one and says nothing else. */
function findBank(meaningful: string[]): string | null {
  const rest = meaningful.filter((t) => !BANK_FILLER.has(t));
  if (rest.length === 0) return null;
  const joined = rest.join(" ");
  const codes = new Set(BANK_TOKENS.filter(([, toks]) => toks.length && toks.join(" ") === joined).map(([code]) => code));
  if (codes.size === 1) return [...codes][0];
  // "Kaspi Bank" → [КАСПИ]; "ЦЕНТР КРЕДИТ" written as one word or two.
  const glued = rest.join("");
  const byGlue = new Set(BANK_TOKENS.filter(([, toks]) => toks.length && toks.join("") === glued).map(([code]) => code));
  return byGlue.size === 1 ? [...byGlue][0] : null;
}

function ibanIntent(candidate: string): ReplyIntent {
  const result = parseKzIban(candidate);
  return result.ok ? { kind: "iban", iban: result.iban, bankCode: result.bankCode } : { kind: "badIban", reason: result.reason };
}

/**
 * Reads one reply. Order matters: an opt-out word anywhere wins (an unwanted SMS after STOP is worse
 * than an opt-out read too eagerly); then an account number; then HELP, which must stand alone so
 * that "да, нужна помощь" is not taken for a request for instructions; then yes / no / a number,
 * which must all agree, with courtesy words ignored and any other word making the reply unclear.
 */
export function parseReply(text: string): ReplyIntent {
  const toks = tokens(text);
  if (toks.some((t) => STOP.has(t))) return { kind: "stop" };

  const iban = findIban(text);
  if (iban) return iban;

  const meaningful = toks.filter((t) => !FILLER.has(t));
  if (meaningful.length === 0) return /\?/.test(normalise(text)) ? { kind: "help" } : { kind: "unclear" };
  if (meaningful.every((t) => HELP.has(t))) return { kind: "help" };
  const bank = findBank(meaningful);
  if (bank) {
    const [code, bic] = bank.split("|");
    return { kind: "bank", code, bic };
  }

  let answer: "yes" | "no" | null = null;
  let number: number | null = null;
  for (let i = 0; i < meaningful.length; i++) {
    const t = meaningful[i];
    let said: "yes" | "no" | null = null;
    if (NEGATION.has(t) && i + 1 < meaningful.length && NEGATABLE.has(meaningful[i + 1])) {
      said = "no";
      i += 1;
    } else if (YES.has(t)) said = "yes";
    else if (NO.has(t)) said = "no";
    else if (/^\d{1,3}$/.test(t)) {
      const n = Number(t);
      if (number !== null && number !== n) return { kind: "unclear" };
      number = n;
      continue;
    } else return { kind: "unclear" };
    if (answer !== null && answer !== said) return { kind: "unclear" };
    answer = said;
  }
  if (number !== null) {
    // "да 1" and "нет 2" agree with the offer's menu; "да 2" contradicts itself.
    if (answer === "yes" && number !== 1) return { kind: "unclear" };
    if (answer === "no" && number !== 2) return { kind: "unclear" };
    return { kind: "number", value: number };
  }
  return answer ? { kind: answer } : { kind: "unclear" };
}
