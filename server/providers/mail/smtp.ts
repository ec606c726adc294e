import nodemailer, { type Transporter } from "nodemailer";
import type { MailProvider, OutgoingMail } from "./types";

/** Live delivery over SMTP with nodemailer (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465). */
export class SmtpMail implements MailProvider {
  readonly name = "smtp" as const;
  private transport: Transporter;

  constructor(url: string, private readonly domain: string) {
    this.transport = nodemailer.createTransport(url);
  }

  async deliver(mail: OutgoingMail) {
    const info = await this.transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.messageId}@${this.domain}>`,
    });
    return { providerId: info.messageId };
  }

  async close() {
    this.transport.close();
  }
}
