import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { log } from "../../log";
import { sendMail } from "../mail/send-mail";

export const INVITE_TTL_MS = 72 * 3600_000;

/** Only this digest of an invite token is stored; the token itself lives in the link alone. */
export const inviteTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Invites someone by email as ADMIN or VIEWER: a one-time link (72 h, single use) delivered through
 * the mail provider. A newer invite for the same address replaces any unused older one. Without
 * SMTP the message stays in the local outbox, so the link is also printed to the server log and
 * returned to the inviting admin to hand over.
 */
export async function inviteUser({ email, role, by }: { email: string; role: Role; by?: string }) {
  const address = email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email: address }, select: { id: true } })) {
    throw new AppError("CONFLICT", `${address} already has an account`);
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  const invite = await db.$transaction(async (tx) => {
    await tx.invite.deleteMany({ where: { email: address, usedAt: null } });
    const row = await tx.invite.create({ data: { email: address, role, tokenHash: inviteTokenHash(token), expiresAt, invitedById: by ?? null } });
    await tx.auditLog.create({ data: { actorId: by, action: "user.invite", entityType: "invite", entityId: row.id, data: { email: address, role } } });
    return row;
  });
  const link = `${env().appUrl}/invite/${token}`;
  const roleWord = role === "ADMIN" ? "an admin" : "a viewer (read-only)";
  const mail = await sendMail({
    to: address,
    subject: "You are invited to Merchloop",
    text: `You have been invited to the Merchloop dashboard as ${roleWord}.\n\nChoose your password here (the link works once and expires ${expiresAt.toUTCString()}):\n${link}\n`,
    html: `<p>You have been invited to the Merchloop dashboard as ${escapeHtml(roleWord)}.</p><p><a href="${escapeHtml(link)}">Choose your password</a> — the link works once and expires ${escapeHtml(expiresAt.toUTCString())}.</p>`,
    kind: "user.invite",
    idempotencyKey: `invite:${invite.id}`,
    entityType: "invite",
    entityId: invite.id,
  });
  const handOver = env().providers.mail !== "smtp" || mail.status === "FAILED";
  if (handOver) log.info({ inviteId: invite.id, email: address, link }, "invite link (no mail server delivered it: hand it over yourself)");
  return { inviteId: invite.id, email: address, role, expiresAt, mailStatus: mail.status, link: handOver ? link : null };
}
