import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { authOptions } from "../server/auth/options";
import { verifyPassword } from "../server/auth/password";
import { inviteTokenHash } from "../server/services/users/invite-user";
import { makeUser, uid } from "./helpers/factories";

type Jwt = (a: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;
const jwt = authOptions.callbacks!.jwt! as unknown as Jwt;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>) => Promise<Record<string, unknown> | null> } }).options.authorize;

/** Signs in through the credentials provider and returns the JWT next-auth would store. */
async function signIn(email: string, password: string) {
  const user = await authorize({ email, password });
  expect(user, `sign-in as ${email}`).not.toBeNull();
  return jwt({ token: {}, user });
}
const stillSignedIn = async (token: Record<string, unknown>) => !!(await jwt({ token: { ...token } })).uid;

describe("invites", () => {
  it("mails a one-time link (only its hash stored) that creates the account with the invited role, once", async () => {
    const admin = await makeUser("ADMIN");
    const email = `${uid("inv-")}@example.test`;
    const sent = await createCaller({ user: admin }).users.invite({ email: email.toUpperCase(), role: "VIEWER" });
    expect(sent).toMatchObject({ email, role: "VIEWER", mailStatus: "SENT" });
    // No SMTP_URL in tests: the local outbox is the delivery, and the link is handed to the admin too.
    const token = new URL(sent.link!).pathname.split("/").pop()!;
    const mail = await db.mailMessage.findFirstOrThrow({ where: { entityType: "invite", entityId: sent.inviteId } });
    expect(mail).toMatchObject({ toAddress: email, kind: "user.invite", status: "SENT" });
    expect(mail.text).toContain(sent.link);
    const invite = await db.invite.findUniqueOrThrow({ where: { id: sent.inviteId } });
    expect(invite.tokenHash).toBe(inviteTokenHash(token));
    expect(invite.tokenHash).not.toContain(token);
    expect(await db.auditLog.count({ where: { action: "user.invite", entityId: sent.inviteId, actorId: admin.id } })).toBe(1);

    const anon = createCaller({ user: null });
    await expect(anon.users.acceptInvite({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [a, b] = await Promise.allSettled([
      anon.users.acceptInvite({ token, name: "Vera", password: "viewer password 1" }),
      anon.users.acceptInvite({ token, name: "Vera", password: "viewer password 1" }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "VIEWER", name: "Vera" });
    expect(await verifyPassword("viewer password 1", user.passwordHash)).toBe(true);
    await expect(anon.users.acceptInvite({ token, password: "another password" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(anon.users.acceptInvite({ token: "x".repeat(43), password: "another password" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses expired links, existing accounts and viewers; a new invite replaces the old link", async () => {
    const admin = await makeUser("ADMIN");
    const viewer = await makeUser("VIEWER");
    const email = `${uid("inv-")}@example.test`;
    const api = createCaller({ user: admin });
    await expect(createCaller({ user: viewer }).users.invite({ email, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCaller({ user: null }).users.invite({ email, role: "ADMIN" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.users.invite({ email: viewer.email, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });

    const old = await api.users.invite({ email, role: "ADMIN" });
    const fresh = await api.users.invite({ email, role: "ADMIN" });
    const tokenOf = (link: string | null) => new URL(link!).pathname.split("/").pop()!;
    await expect(createCaller({ user: null }).users.acceptInvite({ token: tokenOf(old.link), password: "admin password 1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.invite.update({ where: { id: fresh.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(createCaller({ user: null }).users.acceptInvite({ token: tokenOf(fresh.link), password: "admin password 1" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("users and sessions", () => {
  it("lists users with role and last sign-in, and pending invites, in a fixed number of statements", async () => {
    const admin = await makeUser("ADMIN");
    await signIn(admin.email, admin.password);
    const { statementCounter } = await import("../server/db-adapter");
    const count = async () => {
      const before = statementCounter.count;
      await createCaller({ user: admin }).users.list();
      return statementCounter.count - before;
    };
    const few = await count();
    for (let i = 0; i < 3; i++) await createCaller({ user: admin }).users.invite({ email: `${uid("many-")}@example.test`, role: "VIEWER" });
    await makeUser("VIEWER");
    expect(await count()).toBe(few);
    const { users, invites } = await createCaller({ user: admin }).users.list();
    expect(invites.length).toBeGreaterThanOrEqual(3);
    expect(users.find((u) => u.id === admin.id)).toMatchObject({ role: "ADMIN", lastSignInAt: expect.any(Date) });
    expect(await createCaller({ user: await makeUser("VIEWER") }).users.list()).toHaveProperty("users");
  });

  it("removing a user ends their session on the next request; no removing yourself or the last admin", async () => {
    const admin = await makeUser("ADMIN");
    const viewer = await makeUser("VIEWER");
    const token = await signIn(viewer.email, viewer.password);
    expect(await stillSignedIn(token)).toBe(true);
    await expect(createCaller({ user: viewer }).users.remove({ userId: admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await createCaller({ user: admin }).users.remove({ userId: viewer.id });
    expect(await stillSignedIn(token)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "user.remove", entityId: viewer.id, actorId: admin.id } })).toBe(1);
    await expect(createCaller({ user: admin }).users.remove({ userId: admin.id })).rejects.toMatchObject({ code: "CONFLICT" });

    await db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "VIEWER" } });
    const other = await makeUser("VIEWER");
    await expect(createCaller({ user: other }).users.changeRole({ userId: admin.id, role: "VIEWER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCaller({ user: admin }).users.changeRole({ userId: admin.id, role: "VIEWER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await createCaller({ user: admin }).users.changeRole({ userId: other.id, role: "ADMIN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("ADMIN");
    expect(await db.auditLog.count({ where: { action: "user.role", entityId: other.id } })).toBe(1);
  });

  it("changing a password needs the current one and ends every session of that user at once", async () => {
    const viewer = await makeUser("VIEWER", "first password 1");
    const laptop = await signIn(viewer.email, "first password 1");
    const phone = await signIn(viewer.email, "first password 1");
    const api = createCaller({ user: viewer });
    await expect(api.users.changePassword({ currentPassword: "wrong one", newPassword: "second password 2" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stillSignedIn(laptop)).toBe(true);
    await api.users.changePassword({ currentPassword: "first password 1", newPassword: "second password 2" });
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await authorize({ email: viewer.email, password: "first password 1" })).toBeNull();
    expect(await stillSignedIn(await signIn(viewer.email, "second password 2"))).toBe(true);
  });
});
