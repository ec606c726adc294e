import NextAuth from "next-auth";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { authOptions } from "@/server/auth/options";
import { env } from "@/server/env";
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
  const url = new URL(req.url);
  if (!sameSiteCallback(url.searchParams.get("callbackUrl"))) return refusedCallback();
  if (req.method === "POST" && url.pathname.endsWith("/callback/credentials")) {
    const body = await readBody(req.clone(), BODY_LIMITS.json);
    if (body instanceof Response) return body;
    const form = new URLSearchParams(body);
    if (!sameSiteCallback(form.get("callbackUrl"))) return refusedCallback();
    const email = form.get("email") ?? "";
    const wait = await signInBlockedFor(email, clientIp(req.headers));
    if (wait !== null) return tooManyRequests(wait);
  }
  return nextAuth(req, ctx);
}

/** A callbackUrl must be a path on this site (or this site's absolute URL); next-auth would answer 500 to some. */
function sameSiteCallback(raw: string | null): boolean {
  if (raw === null) return true;
  const origin = env().appUrl;
  const path = raw.startsWith(`${origin}/`) ? raw.slice(origin.length) : raw;
  return safeCallbackPath(path, "") !== "";
}

const refusedCallback = () => Response.json({ error: { code: "BAD_REQUEST", message: "callbackUrl must be a path on this site" } }, { status: 400 });

export { handler as GET, handler as POST };
