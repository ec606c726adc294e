import { env } from "../../env";
import { LocalMail } from "./local";
import { SmtpMail } from "./smtp";
import type { MailProvider } from "./types";

export type { MailProvider, OutgoingMail } from "./types";

let instance: { key: string; provider: MailProvider } | undefined;

/** The mail transport chosen by env: SMTP when SMTP_URL is set, otherwise the local outbox. */
export function mailProvider(): MailProvider {
  const e = env();
  const key = `${e.providers.mail}|${e.SMTP_URL ?? ""}`;
  if (instance?.key === key) return instance.provider;
  void instance?.provider.close?.();
  const provider = e.providers.mail === "smtp" ? new SmtpMail(e.SMTP_URL!, new URL(e.appUrl).hostname) : new LocalMail();
  instance = { key, provider };
  return provider;
}

/** Tests switch providers between cases. */
export function resetMailProvider() {
  void instance?.provider.close?.();
  instance = undefined;
}
