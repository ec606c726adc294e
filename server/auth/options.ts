import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { safeCallbackPath } from "../../lib/safe-redirect";
import { clientIp } from "../http/client-ip";
import { recordFailedSignIn } from "../services/limits";
import { hashPassword, verifyPassword } from "./password";
import { log } from "../log";

export type SessionUser = { id: string; email: string; name?: string | null; role: "ADMIN" | "VIEWER" };

let dummyHash: Promise<string> | undefined;
/** A real hash of a random password, compared against when the email is unknown. */
const unknownUserHash = () => (dummyHash ??= hashPassword(`unknown-${Math.random()}-${Date.now()}`));

const ZCredentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

/**
 * The user's current role, or null when the session is no longer valid: the user was removed, or
 * their `sessionVersion` moved on (password changed, role changed, removed). One primary-key read
 * per authenticated request, so ending a session takes effect on the very next request in every
 * process — no cache to expire.
 */
export async function liveSessionRole(uid: string, sessionVersion: number): Promise<SessionUser["role"] | null> {
  const row = await db.user.findUnique({ where: { id: uid }, select: { role: true, sessionVersion: true } });
  if (!row || row.sessionVersion !== sessionVersion) return null;
  return row.role;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const ip = clientIp(new Headers(req?.headers ?? {}));
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) {
          await recordFailedSignIn(typeof raw?.email === "string" ? raw.email : "", ip);
          return null;
        }
        const user = await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
        // An unknown email costs the same password check as a known one: the answer time tells nothing.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await unknownUserHash()));
        if (!user || !ok) {
          await recordFailedSignIn(parsed.data.email, ip);
          log.warn({ event: "signin_failed" }, "sign-in refused");
          return null;
        }
        await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only paths on this site: `//host`, `/\host` and absolute URLs elsewhere fall back to /admin.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackPath(path)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionUser & { sessionVersion: number };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
        return token;
      }
      if (!token.uid) return token;
      // Every request re-reads the role and the session version: removal, a password change or a
      // role change ends this session at once.
      const role = await liveSessionRole(token.uid as string, Number(token.sv ?? -1));
      if (!role) return { ...token, uid: undefined, role: undefined, sv: undefined };
      token.role = role;
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as SessionUser).id = token.uid as string;
        (session.user as SessionUser).role = token.role as SessionUser["role"];
      }
      return session;
    },
  },
};
