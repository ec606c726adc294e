import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { ensureAdmin } from "../server/auth/ensure-admin";
import { verifyPassword } from "../server/auth/password";
import { authOptions } from "../server/auth/options";
import { makeUser } from "./helpers/factories";

describe("admin auth", () => {
  it("refuses anonymous callers on admin procedures", async () => {
    const caller = createCaller({ user: null });
    await expect(caller.ideas.weights()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets a VIEWER read but refuses every change", async () => {
    const viewer = await makeUser("VIEWER");
    expect(await createCaller({ user: viewer }).ideas.weights()).toBeDefined();
    await expect(createCaller({ user: viewer }).system.retryJob({ queue: "ingest", jobId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets an ADMIN through", async () => {
    const admin = await makeUser("ADMIN");
    const weights = await createCaller({ user: admin }).ideas.weights();
    expect(Object.keys(weights).length).toBeGreaterThan(0);
  });

  it("checks credentials with the slow hash and refuses a wrong password", async () => {
    const admin = await makeUser("ADMIN", "right password 123");
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>) => Promise<unknown> } };
    const ok = await provider.options.authorize({ email: admin.email, password: "right password 123" });
    expect(ok).toMatchObject({ id: admin.id, role: "ADMIN" });
    expect(await provider.options.authorize({ email: admin.email, password: "wrong password" })).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
    expect(row.passwordHash).not.toContain("right password");
  });

  it("creates the first admin once, with a generated password when none is given", async () => {
    await db.user.deleteMany({ where: { role: "ADMIN" } });
    const first = await ensureAdmin(db, {});
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toBeTruthy();
    const row = await db.user.findUniqueOrThrow({ where: { email: first.email } });
    expect(await verifyPassword(first.generatedPassword!, row.passwordHash)).toBe(true);
    const again = await ensureAdmin(db, {});
    expect(again).toMatchObject({ created: false, email: first.email });
    expect(again.generatedPassword).toBeUndefined();
  });

  it("re-reads role and session version on every request: a role change, a new password or removal ends the session", async () => {
    const admin = await makeUser("ADMIN");
    const jwt = authOptions.callbacks!.jwt! as (a: { token: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    const token = () => ({ uid: admin.id, role: "ADMIN", sv: 0 });
    expect((await jwt({ token: token() })).role).toBe("ADMIN");
    await db.user.update({ where: { id: admin.id }, data: { role: "VIEWER" } });
    expect((await jwt({ token: token() })).role).toBe("VIEWER");
    await db.user.update({ where: { id: admin.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await jwt({ token: token() })).uid).toBeUndefined();
    expect((await jwt({ token: { ...token(), sv: 1 } })).uid).toBe(admin.id);
    await db.user.delete({ where: { id: admin.id } });
    expect((await jwt({ token: { ...token(), sv: 1 } })).uid).toBeUndefined();
  });
});
