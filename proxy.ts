import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { pageCsp, STATIC_SECURITY_HEADERS } from "@/server/http/security-headers";

// Pages get a fresh CSP nonce: Next reads it from the request's Content-Security-Policy header and
// puts it on its inline bootstrap scripts, which makes the page render per request. The gallery
// pages are the exception: they are served from the shared cache, which cannot hold a per-request
// nonce, so their CSP allows this origin's scripts and Next's inline bootstrap; see README → Security.

const malformed = (path: string) => {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
};

export function proxy(req: NextRequest) {
  // A path that does not decode (e.g. overlong UTF-8 "%c0%ae") is refused here: Next would fail on it with a 500.
  if (malformed(req.nextUrl.pathname)) return Response.json({ error: { code: "BAD_REQUEST", message: "Malformed URL" } }, { status: 400 });
  // API routes keep their own headers (next.config.ts).
  if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const e = env();
  // Gallery pages (/ and /shop/N) are served from the shared cache (issue: static-file speed), so
  // they get the nonce-less page CSP; every other page gets a fresh nonce and is rendered per request.
  const cachedPage = /^\/(shop\/\d{1,6})?$/.test(req.nextUrl.pathname);
  const nonce = cachedPage ? null : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const s3 = e.S3_PUBLIC_URL ? [new URL(e.S3_PUBLIC_URL).origin] : [];
  const csp = pageCsp(nonce, { imageOrigins: s3, dev: e.NODE_ENV === "development" });
  let res: NextResponse;
  if (nonce) {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", csp);
    res = NextResponse.next({ request: { headers } });
  } else res = NextResponse.next();
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Pages, plus the GET-only API routes whose path segments Next decodes. Never a route that takes a
  // body (the proxy would make Next buffer it before the route's own size cap) — the local checkout's
  // /complete is excluded for that reason.
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico|checkout/[^/]+/complete).*)" },
    "/api/files/:path*",
    "/api/commissions/:token",
    "/api/commissions/:token/events",
  ],
};
