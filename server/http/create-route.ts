import { errorResponse } from "../errors";
import { rateLimit } from "../services/limits";
import { readJsonObject } from "./body";

/**
 * A public "create" endpoint: per-IP API and creation limits, a capped JSON object body, the
 * service call, and 201 with the shaped answer (AppErrors become their status, nothing else leaks).
 */
export function jsonCreateRoute<I, O>(create: (input: I) => Promise<O>, answer: (created: O) => Record<string, unknown>) {
  return async function POST(req: Request): Promise<Response> {
    const limited = await rateLimit(req, "api", "create");
    if (limited) return limited;
    const body = await readJsonObject(req);
    if (body instanceof Response) return body;
    try {
      return Response.json(answer(await create(body as I)), { status: 201 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
