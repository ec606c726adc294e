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

const ROLE_RECHECK_MS = 60_000;

let dummyHash: Promise<string> | undefined;
/** A real hash of a random password, compared against when the email is unknown. */
const unknownUserHash = () => (dummyHash ??= hashPassword(`unknown-${Math.random()}-${Date.now()}`));

const ZCredentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

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
        return { id: user.id, email: user.email, name: user.name, role: user.role };
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
        token.uid = user.id;
        token.role = (user as unknown as SessionUser).role;
        token.roleAt = Date.now();
        return token;
      }
      // Re-read the role at most once a minute, so a demoted or deleted admin loses access quickly.
      if (token.uid && Date.now() - Number(token.roleAt ?? 0) > ROLE_RECHECK_MS) {
        const row = await db.user.findUnique({ where: { id: token.uid as string }, select: { role: true } });
        if (!row) return { ...token, uid: undefined, role: undefined };
        token.role = row.role;
        token.roleAt = Date.now();
      }
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
