import type { Role } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { hashPassword, verifyPassword } from "../../auth/password";

/** Users with role and last sign-in, and the invites not yet used: two statements. */
export async function listUsers() {
  const [users, invites] = await Promise.all([
    db.user.findMany({ orderBy: [{ role: "asc" }, { email: "asc" }], select: { id: true, email: true, name: true, role: true, lastSignInAt: true, createdAt: true } }),
    db.invite.findMany({
      where: { usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true } } },
    }),
  ]);
  return { users, invites };
}

/** Refuses a change that would leave nobody able to administer the shop. */
async function keepAnAdmin(userId: string) {
  const others = await db.user.count({ where: { role: "ADMIN", id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last admin: make someone else an admin first");
}

/** Changes a user's role; it applies on their next request (the session re-reads it). Audited. */
export async function changeRole({ userId, role, by }: { userId: string; role: Role; by?: string }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user");
  if (user.role === role) return { id: user.id, role };
  if (user.role === "ADMIN") await keepAnAdmin(user.id);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { role } }),
    db.auditLog.create({ data: { actorId: by, action: "user.role", entityType: "user", entityId: userId, data: { email: user.email, from: user.role, to: role } } }),
  ]);
  return { id: user.id, role };
}

/** Removes a user: their sessions end on their next request (the row they point at is gone). Audited. */
export async function removeUser({ userId, by }: { userId: string; by?: string }) {
  if (userId === by) throw new AppError("CONFLICT", "You cannot remove yourself");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user");
  if (user.role === "ADMIN") await keepAnAdmin(user.id);
  await db.$transaction([
    db.auditLog.create({ data: { actorId: by, action: "user.remove", entityType: "user", entityId: userId, data: { email: user.email, role: user.role } } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  return { id: userId };
}

/**
 * Changes one's own password after checking the current one, and ends every session of that user
 * at once (sessionVersion + 1), this one included: they sign in again with the new password.
 */
export async function changePassword({ userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first.");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new AppError("BAD_REQUEST", "The current password is not right");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
    db.auditLog.create({ data: { actorId: userId, action: "user.password", entityType: "user", entityId: userId } }),
  ]);
  return { signedOut: true };
}
