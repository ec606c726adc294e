import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { currentUser } from "./session";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. False when no token is configured. */
export function hasMetricsToken(headers: Headers): boolean {
  const token = env().METRICS_TOKEN;
  const given = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  return !!token && !!given && timingSafeEqual(digest(given), digest(token));
}

/** Operators: a signed-in admin, or a monitoring system holding METRICS_TOKEN. */
export async function isOperator(req: Request): Promise<boolean> {
  if (hasMetricsToken(req.headers)) return true;
  return (await currentUser())?.role === "ADMIN";
}

export const operatorsOnly = () =>
  Response.json(
    { error: { code: "UNAUTHORIZED", message: "Sign in as an admin, or send Authorization: Bearer <METRICS_TOKEN>" } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="merchloop"', "cache-control": "no-store" } },
  );
