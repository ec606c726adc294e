import { errorResponse } from "@/server/errors";
import { rateLimit } from "@/server/services/limits";
import { colourMockup } from "@/server/services/shop/colour-mockup";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/products/<slug>/mockup?type=tee&colour=Black — the mockup in that colour (rendered once, then stored). */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const limited = await rateLimit(req, "api");
  if (limited) return limited;
  const q = new URL(req.url).searchParams;
  try {
    const m = await colourMockup((await ctx.params).slug, q.get("type") ?? "", q.get("colour") ?? "");
    return new Response(new Uint8Array(m.body), { headers: { "content-type": "image/png", "cache-control": "public, max-age=86400" } });
  } catch (e) {
    return errorResponse(e);
  }
}
