import type { PrismaClient } from "@prisma/client";
import { generatePassword, hashPassword } from "./password";

/**
 * The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD, or generated once. Returns the generated
 * password (to print once) when one was made; never changes an existing admin's password.
 */
export async function ensureAdmin(
  db: PrismaClient,
  opts: { email?: string; password?: string },
): Promise<{ email: string; created: boolean; generatedPassword?: string }> {
  const existing = await db.user.findFirst({ where: { role: "ADMIN" }, orderBy: { createdAt: "asc" } });
  if (existing && (!opts.email || existing.email === opts.email.toLowerCase())) {
    return { email: existing.email, created: false };
  }
  const email = (opts.email ?? "admin@merchloop.local").toLowerCase();
  const already = await db.user.findUnique({ where: { email } });
  if (already) {
    if (already.role !== "ADMIN") await db.user.update({ where: { id: already.id }, data: { role: "ADMIN" } });
    return { email, created: false };
  }
  const generatedPassword = opts.password ? undefined : generatePassword();
  await db.user.create({
    data: { email, name: "Admin", role: "ADMIN", passwordHash: await hashPassword(opts.password ?? generatedPassword!) },
  });
  return { email, created: true, generatedPassword };
}
