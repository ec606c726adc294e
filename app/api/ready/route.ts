import { isOperator } from "@/server/auth/operator";
import { readiness } from "@/server/services/system/status";

export const dynamic = "force-dynamic";

/**
 * 200 when the database is reachable, migrations are applied and Redis answers; 503 naming what
 * failed. Error texts (hosts, driver messages) only for operators (admin session or METRICS_TOKEN).
 */
export async function GET(req: Request) {
  const r = await readiness();
  const failing = r.checks.filter((c) => !c.ok).map((c) => c.name);
  const detail = !r.ok && (await isOperator(req).catch(() => false));
  const checks = detail ? r.checks : r.checks.map(({ name, ok }) => ({ name, ok }));
  return Response.json({ ok: r.ok, failing, checks }, { status: r.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
