import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { BODY_LIMITS, readBody } from "@/server/http/body";
import { clientIp } from "@/server/http/client-ip";
import { signInBlockedFor, tooManyRequests } from "@/server/services/limits";

const nextAuth = NextAuth(authOptions);

/**
 * next-auth, behind two guards on the credentials sign-in: the form body is capped at 64 KB, and an
 * account or IP with too many failed attempts gets 429 + Retry-After before any password check
 * (failures are counted in authorize, the same way for known and unknown emails).
 */
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  if (req.method === "POST" && new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const body = await readBody(req.clone(), BODY_LIMITS.json);
    if (body instanceof Response) return body;
    const email = new URLSearchParams(body).get("email") ?? "";
    const wait = await signInBlockedFor(email, clientIp(req.headers));
    if (wait !== null) return tooManyRequests(wait);
  }
  return nextAuth(req, ctx);
}

export { handler as GET, handler as POST };
