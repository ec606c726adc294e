import { env } from "../env";

/**
 * The header the web server stamps on every request with the TCP peer's address (see
 * scripts/web.ts). It is always overwritten there, so a client cannot choose it.
 */
export const PEER_HEADER = "x-merchloop-peer";

/**
 * The client's IP for limits and logs.
 * - TRUST_PROXY=N (N proxies in front, e.g. 1 for one nginx/Caddy/load balancer): the N-th address
 *   from the right of X-Forwarded-For, the one the outermost trusted proxy saw. Entries left of it
 *   were written by the client and are ignored.
 * - TRUST_PROXY=0 (default): X-Forwarded-For and X-Real-IP are client-controlled and ignored; the
 *   socket's address is used. (`next start` copies the socket address into X-Forwarded-For only
 *   when the client sent none, so that header cannot be trusted without a proxy.)
 */
export function clientIp(headers: Headers): string {
  const hops = env().TRUST_PROXY;
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const ip = chain[Math.max(0, chain.length - hops)];
    if (ip) return normalizeIp(ip);
  }
  return normalizeIp(headers.get(PEER_HEADER) ?? "") || "unknown";
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an address shape is dropped. */
function normalizeIp(ip: string): string {
  const v = ip.replace(/^::ffff:/i, "").trim();
  return /^[0-9a-f:.]{2,45}$/i.test(v) ? v.toLowerCase() : "";
}
