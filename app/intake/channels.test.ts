import { describe, expect, it } from "vitest";
import { intakeChannel, isIntakeRole, servesResident } from "./channels";

describe("paper channels", () => {
  it("the Centre files by the centre channel, the akim by the akim channel", () => {
    expect(intakeChannel("centre_specialist")).toBe("centre");
    expect(intakeChannel("akim")).toBe("akim");
    expect(isIntakeRole("akim")).toBe(true);
    expect(isIntakeRole("specialist")).toBe(false);
  });

  it.each([
    ["355241", ["355241100"], true],
    ["355241", ["355230100"], false],
    ["355241", ["355230100", "355241100"], true],
    ["3552", ["355241100"], true],
    ["3552", ["593430100"], false],
    ["", ["355241100"], false],
    ["355241", [], false],
  ] as const)("an office with prefix %j serves a person registered in %j: %s", (prefix, katos, served) => {
    expect(servesResident(prefix, katos)).toBe(served);
  });
});
