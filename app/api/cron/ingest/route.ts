import { env } from "@/server/env";
import { errorResponse } from "@/server/errors";
import { checkCronAuth, enqueueIngestForSources, ZCronIngestBody } from "@/server/services/ingest/cron";

export const dynamic = "force-dynamic";

/** POST /api/cron/ingest — body optional {"source": "reddit"}; queues ingest for enabled sources. */
export async function POST(req: Request) {
  const guard = checkCronAuth(req.headers.get("authorization"), env().CRON_SECRET);
  if (!guard.ok) return Response.json({ error: { code: guard.status === 401 ? "UNAUTHORIZED" : "PRECONDITION_FAILED", message: guard.message } }, { status: guard.status });
  try {
    const text = await req.text();
    const body = ZCronIngestBody.parse(text.trim() ? JSON.parse(text) : {});
    const queued = await enqueueIngestForSources({ source: body.source });
    return Response.json({ queued });
  } catch (e) {
    if (e instanceof SyntaxError) return Response.json({ error: { code: "BAD_REQUEST", message: "Body must be JSON, e.g. {\"source\":\"reddit\"}" } }, { status: 400 });
    return errorResponse(e);
  }
}
