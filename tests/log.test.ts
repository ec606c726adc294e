import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { log } from "../server/log";

describe("structured logs", () => {
  it("the app logger censors passwords, tokens, api keys and authorization headers", () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    // A child of the real app logger (same redaction rules), with its output swapped to our sink.
    const real = log.child({}, { level: "info" });
    (real as unknown as Record<PropertyKey, unknown>)[pino.symbols.streamSym] = stream;
    real.info({ password: "p@ss", user: { token: "tok_1" }, openai: { apiKey: "sk-2" }, authorization: "Bearer z", email: "a@b.c" }, "login");
    const out = lines.join("");
    expect(out).toContain("login");
    expect(out).not.toMatch(/p@ss|tok_1|sk-2|Bearer z|a@b\.c/);
    expect(out).toContain("[redacted]");
  });
});
