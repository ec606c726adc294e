// Security headers. Pages get a per-request nonce CSP from proxy.ts (no 'unsafe-inline' for
// scripts: Next puts the nonce on its own bootstrap scripts); every other response (API, files,
// static assets) gets the static headers from next.config.ts.

/** Headers for every response. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** Non-HTML responses (JSON, files): nothing may run, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The page CSP. Scripts: only this origin's files and inline scripts carrying the nonce
 * ('strict-dynamic' lets those load the chunks they need). Styles keep 'unsafe-inline' (React
 * style attributes cannot carry a nonce). Images may come from the S3 public URL when one is set.
 */
export function pageCsp(nonce: string | null, opts: { imageOrigins?: string[]; dev?: boolean } = {}): string {
  const img = ["'self'", "data:", "blob:", ...(opts.imageOrigins ?? [])].join(" ");
  // null: a page served from the shared cache (gallery pages), whose stored HTML cannot carry a
  // per-request nonce. Its scripts are limited to this origin plus Next's inline bootstrap.
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${img}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
