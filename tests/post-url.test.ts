import { describe, expect, it } from "vitest";
import { parsePostUrl } from "../server/services/commissions/post-url";

describe("parsePostUrl", () => {
  it.each([
    ["https://www.reddit.com/r/Cats/comments/Abc123/a_title/?utm_source=share#x", "https://www.reddit.com/r/cats/comments/abc123/"],
    ["https://old.reddit.com/r/cats/comments/abc123", "https://www.reddit.com/r/cats/comments/abc123/"],
    ["http://reddit.com/comments/abc123/", "https://www.reddit.com/comments/abc123/"],
    ["https://redd.it/abc123", "https://www.reddit.com/comments/abc123/"],
    ["  https://m.reddit.com/r/cats/comments/abc123/x/y/  ", "https://www.reddit.com/r/cats/comments/abc123/"],
  ])("stores %s as %s", (raw, url) => {
    expect(parsePostUrl(raw)?.url).toBe(url);
  });

  it.each([
    "abc123",
    "https://evil.example/r/cats/comments/abc123/",
    "https://reddit.com.evil.example/r/cats/comments/abc123/",
    "https://evilreddit.com/r/cats/comments/abc123/",
    "https://user:pw@www.reddit.com/r/cats/comments/abc123/",
    "https://www.reddit.com:8443/r/cats/comments/abc123/",
    "javascript:alert(1)//www.reddit.com/comments/abc123/",
    "ftp://www.reddit.com/comments/abc123/",
    "https://www.reddit.com/r/cats/",
    "https://www.reddit.com/r/cats/s/AbCdEf123",
    "https://redd.it/abc123/extra",
    "https://redd.it/",
  ])("refuses %s", (raw) => {
    expect(parsePostUrl(raw)).toBeNull();
  });
});
