import type { OrderStatus } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { storage } from "../../providers/storage";

const REFUND_REASONS: Record<string, string> = {
  fulfilment_failed: "The print shop could not make your order.",
  fulfilment_canceled: "The print shop canceled your order.",
  refunded_by_admin: "Our team refunded your order.",
  refunded_by_provider: "The payment was refunded.",
};
const refundReasonText = (code: string) => REFUND_REASONS[code] ?? (code.startsWith("payment_mismatch") ? "The payment did not match the order." : code);

// Read side of the shop: the public product list with variants, the shopper's order by token, the
// dashboard's orders list and detail. Each is a constant number of statements.

export const API_PAGE_SIZE = 24;

/** Published products with their variants, newest first (GET /api/products?page=N). Two statements. */
export async function listShopProducts(page = 1, pageSize = API_PAGE_SIZE) {
  const p = Math.max(1, Math.trunc(page));
  const [rows, total] = await Promise.all([
    db.product.findMany({
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (p - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        community: true,
        coverKey: true,
        publishedAt: true,
        variants: { select: { id: true, catalogVariant: { select: { productType: true, size: true, colour: true, retailCents: true, currency: true, active: true, sortOrder: true } } } },
      },
    }),
    db.product.count(),
  ]);
  return {
    page: p,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      community: r.community,
      image: storage().publicUrl(r.coverKey),
      publishedAt: r.publishedAt,
      variants: r.variants
        .sort((a, b) => a.catalogVariant.productType.localeCompare(b.catalogVariant.productType) || a.catalogVariant.sortOrder - b.catalogVariant.sortOrder)
        .map((v) => ({
          id: v.id,
          productType: v.catalogVariant.productType,
          size: v.catalogVariant.size,
          colour: v.catalogVariant.colour,
          price: v.catalogVariant.retailCents,
          currency: v.catalogVariant.currency,
          available: v.catalogVariant.active,
        })),
    })),
  };
}

/** The variants a product page offers (one statement). */
export function productVariants(productId: string) {
  return db.productVariant.findMany({
    where: { productId, catalogVariant: { active: true } },
    select: { id: true, catalogVariant: { select: { productType: true, size: true, colour: true, colourHex: true, retailCents: true, currency: true, sortOrder: true } } },
    orderBy: [{ catalogVariant: { productType: "asc" } }, { catalogVariant: { sortOrder: "asc" } }],
  });
}

const orderInclude = {
  items: { orderBy: { createdAt: "asc" as const }, select: { id: true, title: true, productType: true, size: true, colour: true, quantity: true, unitCents: true, baseCostCents: true, productVariantId: true } },
  events: { orderBy: { id: "asc" as const }, select: { id: true, type: true, message: true, createdAt: true } },
  payment: { select: { id: true, provider: true, status: true, amountCents: true, refundedCents: true, paymentIntentId: true, checkoutSessionId: true, checkoutUrl: true, paidAt: true, refunds: { select: { id: true, amountCents: true, currency: true, reason: true, status: true, lastError: true, createdAt: true } } } },
};

/** Revenue, costs and margin of one order, from the columns on the order (the cost ledger reads the same). */
export function orderMoney(o: { totalCents: number; taxCents: number; refundedCents: number; baseCostCents: number; shippingCostCents: number; stripeFeeCents: number; status: OrderStatus }) {
  const paid = !["AWAITING_PAYMENT", "EXPIRED"].includes(o.status);
  const revenueCents = paid ? o.totalCents - o.taxCents - o.refundedCents : 0;
  // Only an order the print shop took costs its base price and shipping; Stripe keeps its fee on a refund.
  const produced = ["SUBMITTED", "IN_PRODUCTION", "SHIPPED", "DELIVERED"].includes(o.status);
  const costCents = (produced ? o.baseCostCents + o.shippingCostCents : 0) + (paid ? o.stripeFeeCents : 0);
  return { revenueCents, baseCostCents: o.baseCostCents, shippingCostCents: o.shippingCostCents, feeCents: paid ? o.stripeFeeCents : 0, costCents, marginCents: revenueCents - costCents };
}

/** The shopper's order page and GET /api/orders/<token>. The token is the only key. */
export async function orderByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("NOT_FOUND", "No order with that link");
  const o = await db.order.findUnique({ where: { publicToken: token }, include: orderInclude });
  if (!o) throw new AppError("NOT_FOUND", "No order with that link");
  const refund = o.payment?.refunds[0] ?? null;
  return {
    id: o.id,
    status: o.status,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    currency: o.currency,
    itemsCents: o.itemsCents,
    shippingCents: o.shippingCents,
    taxCents: o.taxCents,
    totalCents: o.totalCents,
    items: o.items.map((i) => ({ title: i.title, productType: i.productType, size: i.size, colour: i.colour, quantity: i.quantity, unitCents: i.unitCents })),
    shipping: o.shippingAddress ? { name: o.shippingName, address: o.shippingAddress as Record<string, string | null>, rate: o.shippingRate } : null,
    timeline: o.events.map((e) => ({ type: e.type, message: e.message, at: e.createdAt })),
    tracking: o.trackingNumber ? { carrier: o.carrier, number: o.trackingNumber, url: o.trackingUrl } : null,
    problem: o.problem,
    refund: refund ? { amountCents: refund.amountCents, currency: refund.currency, status: refund.status, reason: refundReasonText(refund.reason) } : null,
  };
}
export type OrderView = Awaited<ReturnType<typeof orderByToken>>;

export const ORDERS_PAGE_SIZE = 50;

/** Dashboard list: one page of orders with their money columns (two statements). */
export async function listOrders(opts: { status?: OrderStatus; page?: number } = {}) {
  const page = Math.max(1, Math.trunc(opts.page ?? 1));
  const where = opts.status ? { status: opts.status } : {};
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ORDERS_PAGE_SIZE,
      take: ORDERS_PAGE_SIZE,
      select: { id: true, email: true, status: true, currency: true, totalCents: true, itemsCents: true, taxCents: true, refundedCents: true, baseCostCents: true, shippingCostCents: true, stripeFeeCents: true, fulfilmentId: true, trackingNumber: true, problem: true, createdAt: true, _count: { select: { items: true } } },
    }),
    db.order.count({ where }),
  ]);
  return { page, total, pageCount: Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE)), items: rows.map((r) => ({ ...r, itemCount: r._count.items, money: orderMoney(r) })) };
}

export async function orderDetail(id: string) {
  const o = await db.order.findUnique({ where: { id }, include: orderInclude });
  if (!o) throw new AppError("NOT_FOUND", "No such order");
  return { ...o, money: orderMoney(o) };
}
