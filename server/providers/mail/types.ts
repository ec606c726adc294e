/** One message as the transport sees it. */
export type OutgoingMail = {
  messageId: string; // our MailMessage id, used as the RFC 5322 Message-ID's local part
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
};

export interface MailProvider {
  readonly name: "local" | "smtp";
  /** Delivers one message; throws when the transport refuses it. Returns the transport's id if any. */
  deliver(mail: OutgoingMail): Promise<{ providerId?: string }>;
  close?(): Promise<void>;
}
