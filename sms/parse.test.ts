import { describe, expect, it } from "vitest";
import { BANK_NAMES, normalise, parseReply } from "./parse";
import { validIban } from "./fixtures";

const spaced = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();

describe("parseReply", () => {
  it.each([
    "1", " 1 ", "1.", "1)", "№1",
    "да", "Да", "ДА!", "да.", "  да  ", "Да, согласен", "да да", "Да спасибо", "ДA" /* Cyrillic Д, Latin A */,
    "DA", "da", "иә", "ИӘ", "ия", "ИЯ", "IA", "ia", "IYA", "Иә, келісемін", "YES", "Yes!", "ok", "OK", "ОК" /* Cyrillic */,
    "Согласна", "Да 1",
    // Unicode: the Kazakh Ә typed as Latin schwa (U+018F/U+0259), full-width digits and letters.
    "И\u018F", "и\u0259", "I\u018F", "i\u0259", "Иә!", "\uFF11", "\uFF11.", "ＤＡ", "ＹＥＳ",
    // Common variants: «ие» for «иә», «конечно», «әрине», «хорошо», «жарайды».
    "ие", "ИЕ", "Ие", "ie", "конечно", "Конечно!", "Да, конечно", "әрине", "Әрине", "ариНе", "хорошо", "жарайды",
  ])("reads %j as consent or choice 1", (text) => {
    expect(["yes", "number"]).toContain(parseReply(text).kind);
    const intent = parseReply(text);
    if (intent.kind === "number") expect(intent.value).toBe(1);
  });

  it.each([
    "нет", "НЕТ", "Нет.", "HET" /* Latin look-alikes */, "NET", "жоқ", "ЖОҚ", "жок", "ЖОК", "NO", "No!", "не согласен",
    "Нет, спасибо", "Не надо",
  ])("reads %j as a decline", (text) => {
    expect(parseReply(text)).toEqual({ kind: "no" });
  });

  it.each(["2", "2.", " 2 ", "Нет 2", "\uFF12"])("reads %j as choice 2", (text) => {
    expect(parseReply(text)).toEqual({ kind: "number", value: 2 });
  });

  it.each([
    ["0", 0],
    ["3", 3],
    ["12", 12],
    ["Вариант 3", 3],
    ["номер 17, спасибо", 17],
  ])("reads %j as the number %i", (text, value) => {
    expect(parseReply(text)).toEqual({ kind: "number", value });
  });

  it.each([
    "STOP", "stop", "Stop!", "СТОП", "стоп", "CTOП" /* Latin C, T, O */, "ТОҚТАТУ", "тоқтату", "ТОКТАТУ", "токтату",
    "Стоп, не пишите мне", "да стоп", "Отписаться", "ТОҚТА", "тоқта", "ТОКТА", "токта", "Toqta", "TOKTA", "ＳＴＯＰ",
  ])("reads %j as an opt-out", (text) => {
    expect(parseReply(text)).toEqual({ kind: "stop" });
  });

  it.each(["HELP", "help?", "ПОМОЩЬ", "помощь", "КӨМЕК", "көмек", "КОМЕК", "комек", "KOMEK", "?", "Помощь, пожалуйста"])(
    "reads %j as a request for help",
    (text) => {
      expect(parseReply(text)).toEqual({ kind: "help" });
    },
  );

  it.each([
    ["the electronic form", validIban],
    ["groups of four", spaced(validIban)],
    ["lower case inside a sentence", `мой счёт ${spaced(validIban).toLowerCase()} спасибо`],
    ["a Cyrillic К in the country code", `К${validIban.slice(1)}`],
    ["dashes between groups", spaced(validIban).replace(/ /g, "-")],
    ["text right after the number", `${validIban}.Спасибо`],
  ])("finds an IBAN written as %s", (_name, text) => {
    expect(parseReply(text)).toEqual({ kind: "iban", iban: validIban, bankCode: validIban.slice(4, 7) });
  });

  it.each([
    ["a wrong check digit", validIban.slice(0, 2) + ((Number(validIban[2]) + 1) % 10) + validIban.slice(3), "checksum"],
    ["a missing character", validIban.slice(0, 19), "format"],
    ["a foreign IBAN", "DE89 3704 0044 0532 0130 00", "country"],
    ["a card number", "4400 4301 2345 6789", "format"],
    ["digits without a country code", validIban.slice(2), "format"],
  ])("reports %s as a bad IBAN (%s)", (_name, text, reason) => {
    expect(parseReply(text)).toEqual({ kind: "badIban", reason });
  });

  it.each([
    // Every bank by name and short form, both scripts, with the words around it people add.
    ["каспи", "722"], ["Каспи", "722"], ["КАСПИ", "722"], ["kaspi", "722"], ["Kaspi Bank", "722"], ["Каспи банк", "722"],
    ["в каспи", "722"], ["через Kaspi", "722"], ["каспий", "722"], ["на карту каспи", "722"],
    ["халык", "601"], ["Халық", "601"], ["ХАЛЫҚ БАНК", "601"], ["halyk", "601"], ["Halyk Bank", "601"], ["halyq", "601"],
    ["Народный банк", "601"], ["Халық банкі", "601"],
    ["ЦентрКредит", "856"], ["центр кредит", "856"], ["БЦК", "856"], ["BCC", "856"], ["Банк ЦентрКредит", "856"],
    ["Форте", "965"], ["ForteBank", "965"], ["forte bank", "965"],
    ["Jusan", "998"], ["Жусан", "998"], ["Alatau City Bank", "998"], ["Алатау", "998"],
    ["Bereke", "914"], ["береке", "914"], ["Евразийский", "948"], ["Еуразиялық банк", "948"], ["Eurasian bank", "948"],
    ["Фридом", "551"], ["Freedom", "551"], ["RBK", "821"], ["Банк РБК", "821"], ["Home Credit", "886"], ["Хоум Кредит", "886"],
    ["Нурбанк", "849"], ["Нұрбанк", "849"], ["Altyn", "949"], ["Алтын банк", "949"],
    ["Казпочта", "563"], ["Қазпошта", "563"], ["kazpost", "563"], ["почта", "563"], ["ＫＡＳＰＩ", "722"],
  ])("reads %j as the bank %s", (text, code) => {
    expect(parseReply(text)).toMatchObject({ kind: "bank", code });
  });

  it("lists every bank the payment-organisation list has, with its BIC", () => {
    for (const key of Object.keys(BANK_NAMES)) expect(key).toMatch(/^\d{3}\|[A-Z]{8}$/);
    expect(Object.keys(BANK_NAMES)).toHaveLength(13);
  });

  it.each([
    ["\u018F", "Ә"], ["\u0259", "ә"], ["\uFF11\uFF12", "12"], ["ＫＡＳＰＩ", "KASPI"],
  ])("normalises %j to %j", (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });

  it.each([
    "", "   ", "...", "👍", "может быть", "да нет", "1 2", "да 2", "нет 1", "Пусть приходят завтра", "не", "1234",
    "да, нужна помощь", "каспи халык", "банк", "каспи да",
  ])("reads %j as unclear", (text) => {
    expect(parseReply(text)).toEqual({ kind: "unclear" });
  });
});
