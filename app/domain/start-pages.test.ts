import { describe, expect, it } from "vitest";
import { navLinks, staffStartPage } from "./start-pages";

describe("start pages", () => {
  it.each([
    ["callcenter", "/callcenter"],
    ["specialist", "/staff"],
    ["commission", "/staff"],
    ["head", "/staff"],
    ["admin", "/staff"],
    ["centre_specialist", "/staff/intake"],
    ["akim", "/staff/intake"],
  ] as const)("%s starts at %s", (role, page) => {
    expect(staffStartPage(role)).toBe(page);
  });

  it("links a 1414 agent to the console and its history, never to the journal", () => {
    const to = navLinks({ kind: "staff", role: "callcenter" }).map((l) => l.to);
    expect(to).toEqual(["/callcenter", "/callcenter/history"]);
  });

  it("links an admin to everything an admin may open", () => {
    expect(navLinks({ kind: "staff", role: "admin" }).map((l) => l.to)).toEqual(["/staff", "/callcenter", "/admin/lookups"]);
  });

  it("links a citizen to the cabinet and nobody signed out to anything", () => {
    expect(navLinks({ kind: "citizen" }).map((l) => l.to)).toEqual(["/cabinet"]);
    expect(navLinks(null)).toEqual([]);
  });
});
