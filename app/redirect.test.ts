import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("redirects after sign-in stay on the portal", () => {
  it.each([
    ["/cabinet", "/cabinet"],
    ["/applications/1/members?x=1#top", "/applications/1/members?x=1#top"],
    ["/staff/cases/abc", "/staff/cases/abc"],
    ["/a/../cabinet", "/cabinet"],
  ])("accepts %s", (to, expected) => {
    expect(safeRedirect(to, "/fallback")).toBe(expected);
  });

  it.each([
    ["a full URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later", "/x/..\\\\evil.example"],
    ["a TAB after the slash", "/\t/evil.example"],
    ["a TAB, percent-encoded", "/%09/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a newline, percent-encoded", "/%0a/evil.example"],
    ["a carriage return, percent-encoded", "/%0D/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["encoded slashes", "/%2F/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "cabinet"],
    ["broken percent-encoding", "/%E0%A4%A"],
    ["nothing", ""],
    ["null", null],
    ["an over-long value", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_name, to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });
});
