import { describe, expect, it } from "vitest";
import { parseReply } from "./parse";
import { validIban } from "./fixtures";

const spaced = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();

describe("parseReply", () => {
  it.each([
    "1", " 1 ", "1.", "1)", "№1",
    "да", "Да", "ДА!", "да.", "  да  ", "Да, согласен", "да да", "Да спасибо", "ДA" /* Cyrillic Д, Latin A */,
    "DA", "da", "иә", "ИӘ", "ия", "ИЯ", "IA", "ia", "IYA", "Иә, келісемін", "YES", "Yes!", "ok", "OK", "ОК" /* Cyrillic */,
    "Согласна", "Да 1",
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

  it.each(["2", "2.", " 2 ", "Нет 2"])("reads %j as choice 2", (text) => {
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
    "Стоп, не пишите мне", "да стоп", "Отписаться",
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
    "", "   ", "...", "👍", "может быть", "да нет", "1 2", "да 2", "нет 1", "Пусть приходят завтра", "не", "1234",
    "да, нужна помощь",
  ])("reads %j as unclear", (text) => {
    expect(parseReply(text)).toEqual({ kind: "unclear" });
  });
});
