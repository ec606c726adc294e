import { Prisma, type MailMessage } from "@prisma/client";
import { z } from "zod";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { log } from "../../log";
import { mailProvider } from "../../providers/mail";

export const ZSendMail = z.object({
  to: z.email("a mail needs a valid recipient address"),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000),
  kind: z.string().min(1).max(80),
  idempotencyKey: z.string().min(1).max(200).optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
});
export type SendMailInput = z.input<typeof ZSendMail>;

export type SendMailResult = { id: string; status: "SENT" | "FAILED"; duplicate: boolean };

/**
 * Sends one message and records it in the outbox (mail_messages). The same idempotencyKey sends
 * nothing the second time, so a webhook or job that runs twice mails once. A transport failure is
 * recorded as FAILED with the error (and logged) rather than thrown: a receipt that could not be
 * mailed must not undo the order that triggered it. `resendMail` retries a FAILED message.
 */
export async function sendMail(input: SendMailInput): Promise<SendMailResult> {
  const parsed = ZSendMail.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const m = parsed.data;
  if (m.idempotencyKey) {
    const existing = await db.mailMessage.findUnique({ where: { idempotencyKey: m.idempotencyKey }, select: { id: true, status: true } });
    if (existing) return { id: existing.id, status: existing.status, duplicate: true };
  }
  const provider = mailProvider();
  let row;
  try {
    row = await db.mailMessage.create({
      data: {
        idempotencyKey: m.idempotencyKey,
        kind: m.kind,
        toAddress: m.to,
        fromAddress: env().MAIL_FROM,
        subject: m.subject,
        text: m.text,
        html: m.html,
        provider: provider.name,
        status: "FAILED",
        error: "not sent yet",
        entityType: m.entityType,
        entityId: m.entityId,
      },
    });
  } catch (e) {
    // Two callers raced on the same key: the other one owns the send.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && m.idempotencyKey) {
      const other = await db.mailMessage.findUniqueOrThrow({ where: { idempotencyKey: m.idempotencyKey }, select: { id: true, status: true } });
      return { id: other.id, status: other.status, duplicate: true };
    }
    throw e;
  }
  const status = await deliver(row);
  return { id: row.id, status, duplicate: false };
}

/** Delivers a stored message through the configured transport and records the outcome. */
async function deliver(row: MailMessage): Promise<"SENT" | "FAILED"> {
  const id = row.id;
  const provider = mailProvider();
  try {
    const { providerId } = await provider.deliver({ messageId: row.id, from: row.fromAddress, to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
    await db.mailMessage.update({ where: { id }, data: { status: "SENT", provider: provider.name, providerId, error: null, sentAt: new Date() } });
    return "SENT";
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    log.warn({ mailId: id, kind: row.kind, err: error }, "mail delivery failed");
    await db.mailMessage.update({ where: { id }, data: { status: "FAILED", provider: provider.name, error: error.slice(0, 1000) } });
    return "FAILED";
  }
}

/** Retries a FAILED message (dashboard action). A SENT message is never sent again. */
export async function resendMail({ mailId, by }: { mailId: string; by?: string }): Promise<SendMailResult> {
  const row = await db.mailMessage.findUnique({ where: { id: mailId } });
  if (!row) throw new AppError("NOT_FOUND", `Mail ${mailId} does not exist`);
  if (row.status === "SENT") throw new AppError("CONFLICT", "This message was already sent");
  const status = await deliver(row);
  await db.auditLog.create({ data: { actorId: by ?? null, action: "mail.resend", entityType: "mail", entityId: mailId, data: { status } } });
  return { id: mailId, status, duplicate: false };
}
