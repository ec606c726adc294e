import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { currentUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { BODY_LIMITS, readBody } from "@/server/http/body";
import { clientIp } from "@/server/http/client-ip";
import { rateLimit, RateLimitedError } from "@/server/services/limits";

export const dynamic = "force-dynamic";

/** tRPC over HTTP: per-IP limit, body ≤ 64 KB (read before parsing), batches ≤ TRPC_MAX_BATCH calls. */
async function handler(req: Request) {
  const limited = await rateLimit(req);
  if (limited) return limited;
  let request = req;
  if (req.method === "POST") {
    const body = await readBody(req, BODY_LIMITS.json);
    if (body instanceof Response) return body;
    request = new Request(req.url, { method: "POST", headers: req.headers, body });
  }
  const ip = clientIp(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: env().TRPC_MAX_BATCH,
    createContext: async () => ({ user: await currentUser(), ip }),
    responseMeta({ errors }) {
      const limit = errors.map((e) => e.cause).find((c): c is RateLimitedError => c instanceof RateLimitedError);
      return limit ? { headers: new Headers({ "retry-after": String(limit.retryAfterSeconds) }) } : {};
    },
  });
}

export { handler as GET, handler as POST };
