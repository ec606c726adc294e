import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { completeCommission } from "../server/services/commissions/end-unfulfilled";
import { markCommissionPaid } from "../server/services/commissions/mark-paid";
import { requestRefund } from "../server/services/commissions/request-refund";
import { runRefund } from "../server/services/payments/run-refund";
import { awaitingCommission, drainStripeEvents, useLocalPayments } from "./helpers/commissions";
import { shopProduct } from "./helpers/shop";

// Commissions mail through the same sendMail: a receipt when paid, "your product is ready" when
// completed, and the refund — each once, however often the step reruns.

beforeAll(() => useLocalPayments());

const kinds = async (id: string) => (await db.mailMessage.findMany({ where: { entityType: "commission", entityId: id }, orderBy: { createdAt: "asc" } })).map((m) => m.kind);

describe("commission mail", () => {
  it("sends the receipt and the ready notice once each", async () => {
    const c = await awaitingCommission();
    const paid = { commissionId: c.id, sessionId: c.sessionId, paymentIntentId: `pi_mail_${c.id}`, amountTotal: c.amountCents, currency: "usd", provider: "local" };
    await markCommissionPaid(paid);
    await markCommissionPaid(paid);
    await db.commission.update({ where: { id: c.id }, data: { status: "IN_PROGRESS" } });
    const { product } = await shopProduct(["sticker"], "Ready Made Loaf");
    await completeCommission(c.id, product.id);
    await completeCommission(c.id, product.id);
    expect(await kinds(c.id)).toEqual(["commission.receipt", "commission.ready"]);
    const ready = await db.mailMessage.findFirstOrThrow({ where: { entityId: c.id, kind: "commission.ready" } });
    expect(ready.toAddress).toBe("buyer@example.test");
    expect(ready.text).toContain(`/products/${product.slug}`);
    expect(ready.html).toContain("Ready Made Loaf");
  });

  it("mails the refund once it settles", async () => {
    const c = await awaitingCommission();
    await markCommissionPaid({ commissionId: c.id, sessionId: c.sessionId, paymentIntentId: `pi_mailr_${c.id}`, amountTotal: c.amountCents, currency: "usd", provider: "local" });
    const r = await requestRefund(c.id, "refunded_by_admin");
    await runRefund(r.id);
    await drainStripeEvents();
    expect((await db.commission.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REFUNDED");
    expect(await kinds(c.id)).toEqual(["commission.receipt", "commission.refund"]);
  });
});
