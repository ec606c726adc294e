// Where to send someone after signing in: a path on this site, never another host. Client-safe
// (the sign-in form uses it) and used by next-auth's redirect callback on the server.

const BASE = "http://same-origin.invalid";
const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/**
 * `raw` as a same-origin path ("/admin/ideas?x=1"), or `fallback`. Refuses absolute URLs,
 * protocol-relative `//host`, `/\host` (browsers read `\` as `/`), control characters (browsers
 * drop tabs and newlines: `/\t/host`) and percent-encoded forms of all of these.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/admin"): string {
  if (!raw || raw.length > 2048) return fallback;
  let decoded = raw;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  for (const v of [raw, decoded]) {
    if (!v.startsWith("/") || v.startsWith("//") || v.includes("\\") || hasControl(v)) return fallback;
  }
  const url = new URL(raw, BASE);
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
