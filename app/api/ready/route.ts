import { readiness } from "@/server/services/system/status";

export const dynamic = "force-dynamic";

/** 200 when the database is reachable, migrations are applied and Redis answers; 503 naming what failed. */
export async function GET() {
  const r = await readiness();
  const failing = r.checks.filter((c) => !c.ok).map((c) => c.name);
  return Response.json({ ok: r.ok, failing, checks: r.checks }, { status: r.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
