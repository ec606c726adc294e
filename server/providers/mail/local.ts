import type { MailProvider, OutgoingMail } from "./types";

/**
 * Offline delivery: the stored MailMessage row is the mailbox. Admins read every message, with its
 * HTML and text parts, in the dashboard outbox (/admin/outbox). Nothing leaves the machine.
 */
export class LocalMail implements MailProvider {
  readonly name = "local" as const;
  async deliver(mail: OutgoingMail) {
    return { providerId: `local:${mail.messageId}` };
  }
}
