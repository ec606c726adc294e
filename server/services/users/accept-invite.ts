import { db } from "../../db";
import { AppError } from "../../errors";
import { hashPassword } from "../../auth/password";
import { inviteTokenHash } from "./invite-user";

async function usableInvite(token: string) {
  const invite = await db.invite.findUnique({ where: { tokenHash: inviteTokenHash(token) } });
  if (!invite) throw new AppError("NOT_FOUND", "This invitation link is not valid. Ask an admin for a new one.");
  if (invite.usedAt) throw new AppError("CONFLICT", "This invitation link was already used. Sign in instead, or ask an admin for a new one.");
  if (invite.expiresAt <= new Date()) throw new AppError("PRECONDITION_FAILED", "This invitation link has expired. Ask an admin for a new one.");
  return invite;
}

/** What the invite page shows before the form: the invited address and role. */
export async function describeInvite(token: string) {
  const invite = await usableInvite(token);
  return { email: invite.email, role: invite.role, expiresAt: invite.expiresAt };
}

/**
 * Turns an invite into an account. The invite is claimed (usedAt set) in the same transaction that
 * creates the user, so a link works exactly once even when submitted twice at the same moment.
 */
export async function acceptInvite({ token, name, password }: { token: string; name?: string; password: string }) {
  const invite = await usableInvite(token);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This invitation link was already used. Sign in instead, or ask an admin for a new one.");
    if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) throw new AppError("CONFLICT", `${invite.email} already has an account. Sign in instead.`);
    const user = await tx.user.create({ data: { email: invite.email, name: name?.trim() || null, role: invite.role, passwordHash } });
    await tx.auditLog.create({ data: { actorId: user.id, action: "user.join", entityType: "user", entityId: user.id, data: { email: user.email, role: user.role, inviteId: invite.id } } });
    return { email: user.email, role: user.role };
  });
}
