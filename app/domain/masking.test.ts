import { describe, expect, it } from "vitest";
import { accountLast4, maskIin, personInitials } from "./masking";

describe("personInitials", () => {
  it.each([
    ["a Russian name with a patronymic", { first: "Айгерим", patronymic: "Сериковна", last: "Нурланова" }, "А. С. Н."],
    ["a Kazakh name with Kazakh letters", { first: "Гүлнар", patronymic: "Маратқызы", last: "Әбдірахманова" }, "Г. М. Ә."],
    ["a name without a patronymic", { first: "Иван", patronymic: null, last: "Смирнов" }, "И. С."],
    ["an empty patronymic", { first: "Иван", patronymic: "  ", last: "Смирнов" }, "И. С."],
    ["lower-case input", { first: "дәурен", patronymic: "ержанұлы", last: "сейітов" }, "Д. Е. С."],
    ["spaces around the parts", { first: " Ольга ", patronymic: " Викторовна", last: "Петренко " }, "О. В. П."],
    ["no name at all", { first: null, patronymic: null, last: null }, ""],
  ])("shows %s as initials only", (_case, name, expected) => {
    expect(personInitials(name)).toBe(expected);
  });

  it("never contains more than one letter of any part of the name", () => {
    const shown = personInitials({ first: "Айгерим", patronymic: "Сериковна", last: "Нурланова" });
    for (const part of ["Ай", "Се", "Ну"]) expect(shown).not.toContain(part);
  });
});

describe("accountLast4", () => {
  it.each([
    ["a full IBAN", "KZ86125KZT5004100100", "•••• 0100"],
    ["an IBAN written in groups", "KZ86 125K ZT50 0410 0100", "•••• 0100"],
    ["the four characters the database returned", "0100", "•••• 0100"],
    ["letters at the end, in lower case", "kz86125kzt500410a1b2", "•••• A1B2"],
  ])("shows %s as its last four characters", (_case, input, expected) => {
    expect(accountLast4(input)).toBe(expected);
  });

  it.each([
    ["nothing", null],
    ["an empty string", ""],
    ["three characters", "100"],
    ["punctuation", "12.4"],
  ])("shows %s as unknown", (_case, input) => {
    expect(accountLast4(input)).toBeNull();
  });

  it("never shows the bank code or the check digits of the IBAN", () => {
    const shown = accountLast4("KZ86125KZT5004100100")!;
    expect(shown).not.toContain("KZ86");
    expect(shown).not.toContain("125");
  });
});

describe("maskIin", () => {
  it("keeps only the last four digits, hiding the birth date", () => {
    expect(maskIin("900512440017")).toBe("••••••••0017");
    expect(maskIin("900512440017")).not.toContain("900512");
  });

  it("hides a value too short to mask partly", () => {
    expect(maskIin("12")).toBe("••••••••••••");
  });
});
