import { randomUUID } from "node:crypto";
import { db } from "../../server/db";
import { hashPassword } from "../../server/auth/password";
import type { SessionUser } from "../../server/auth/options";

/** Unique suffix so suites sharing a database never collide. */
export const uid = (p = "") => `${p}${randomUUID().slice(0, 8)}`;

export async function makeUser(role: "ADMIN" | "VIEWER" = "VIEWER", password = "correct horse battery"): Promise<SessionUser & { password: string }> {
  const u = await db.user.create({ data: { email: `${uid("u-")}@example.test`, role, passwordHash: await hashPassword(password) } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, password };
}
