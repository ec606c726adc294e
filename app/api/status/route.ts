import { isOperator, operatorsOnly } from "@/server/auth/operator";
import { systemStatus } from "@/server/services/system/status";

export const dynamic = "force-dynamic";

/** Version, providers in use, queue counts and the last worker heartbeat: operators only, never a secret. */
export async function GET(req: Request) {
  if (!(await isOperator(req))) return operatorsOnly();
  return Response.json(await systemStatus(), { headers: { "cache-control": "no-store" } });
}
