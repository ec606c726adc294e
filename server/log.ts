import pino from "pino";

// Structured logs; anything that looks like a secret is redacted wherever it appears.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { svc: process.env.MERCHLOOP_PROCESS ?? "web" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "apiKey",
      "*.apiKey",
      "secret",
      "*.secret",
      "token",
      "*.token",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "*.headers.authorization",
      'headers["stripe-signature"]',
      "email",
      "*.email",
      "card",
      "*.card",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof log;
