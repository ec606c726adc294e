import { currentUser } from "@/server/auth/session";
import { productionReadiness } from "@/server/services/system/production-readiness";

export const dynamic = "force-dynamic";

/** Admin only: every check a live deployment needs, pass/fail with the fix. Never a secret's value. */
export async function GET() {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "UNAUTHORIZED", message: "Sign in as an admin first." } }, { status: 401 });
  if (user.role !== "ADMIN") return Response.json({ error: { code: "FORBIDDEN", message: "Admins only." } }, { status: 403 });
  const r = await productionReadiness();
  return Response.json({ ...r, failing: r.checks.filter((c) => !c.ok).map((c) => c.name) }, { headers: { "cache-control": "no-store" } });
}
