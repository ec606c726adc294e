import { errorResponse } from "@/server/errors";
import { withRateLimit } from "@/server/services/limits";
import { commissionStatusByToken } from "@/server/services/commissions/queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public API: a commission's status, stages, and its product or refund. The token is the secret. */
export const GET = withRateLimit(async (_req: Request, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const { token } = await ctx.params;
    const s = await commissionStatusByToken(token);
    return Response.json(
      {
        id: s.id,
        status: s.status,
        stage: s.stage,
        progress: s.progress,
        tier: s.tier,
        amountCents: s.amountCents,
        currency: s.currency,
        paidAt: s.paidAt,
        stages: s.stages,
        product: s.product,
        refund: s.refund ? { amount: s.refund.amountCents, currency: s.refund.currency, reason: s.refund.reason, status: s.refund.status } : null,
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e);
  }
});
