export const dynamic = "force-dynamic";

/** Process alive: no dependencies checked. */
export function GET() {
  return Response.json({ ok: true, uptimeSeconds: Math.round(process.uptime()) });
}
