import { systemStatus } from "@/server/services/system/status";

export const dynamic = "force-dynamic";

/** Version, providers in use, queue counts and the last worker heartbeat. Never a secret. */
export async function GET() {
  return Response.json(await systemStatus(), { headers: { "cache-control": "no-store" } });
}
