import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "../lib/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/ideas?tab=new#top", "/admin/ideas?tab=new#top"],
    ["/", "/"],
    ["/admin/%7Euser", "/admin/%7Euser"],
  ])("keeps the same-origin path %s", (raw, out) => expect(safeCallbackPath(raw)).toBe(out));

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/admin",
    "http:evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "%252F%252Fevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "admin",
    "",
  ])("refuses %j", (raw) => expect(safeCallbackPath(raw)).toBe("/admin"));
});
