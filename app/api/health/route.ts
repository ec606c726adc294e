export const dynamic = "force-dynamic";

/** Process alive: no dependencies checked, nothing disclosed. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
