import type { CommissionStatus, Prisma } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { STAGES } from "./stages";

export const REFUND_REASONS: Record<string, string> = {
  content_unsafe: "The post didn't pass our content check, so we couldn't make a product from it.",
  post_unavailable: "The post is no longer available on Reddit.",
  no_safe_post: "We couldn't find a fresh post we could safely use.",
  fulfilment_failed: "We couldn't finish your design after several tries.",
  rejected_in_review: "Our team reviewed the idea and decided not to make it.",
  refunded_by_admin: "Our team refunded this commission.",
  amount_mismatch: "The amount paid didn't match the tier price.",
  refunded_by_provider: "The payment was refunded.",
};
export const refundReasonText = (code: string | null | undefined) => (code ? (REFUND_REASONS[code] ?? code) : "");

export const maskEmail = (email: string | null) => {
  if (!email) return null;
  const [user, domain] = email.split("@");
  return `${user.slice(0, 1)}${"•".repeat(Math.max(1, Math.min(6, user.length - 1)))}@${domain}`;
};

/** What the private status link shows (and GET /api/commissions/<token> returns). */
export async function commissionStatusByToken(token: string) {
  const c = await db.commission.findUnique({
    where: { publicToken: token },
    include: {
      tier: { select: { name: true, slug: true } },
      product: { select: { title: true, slug: true } },
      refunds: { select: { amountCents: true, currency: true, reason: true, status: true }, orderBy: { createdAt: "desc" }, take: 1 },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "No commission at this link");
  const reached = new Set(c.events.map((e) => e.type));
  const lastProgress = [...c.events].reverse().find((e) => e.progress !== null)?.progress ?? 0;
  const refund = c.refunds[0];
  return {
    id: c.id,
    status: c.status,
    stage: c.stage,
    progress: c.status === "COMPLETED" ? 100 : lastProgress,
    tier: c.tier.name,
    type: c.type,
    amountCents: c.amountCents,
    currency: c.currency,
    paidAt: c.paidAt,
    completedAt: c.completedAt,
    refundedAt: c.refundedAt,
    createdAt: c.createdAt,
    email: maskEmail(c.email),
    displayName: c.anonymous ? null : c.displayName,
    message: c.message,
    stages: STAGES.map((s) => ({ key: s.key, label: s.label, reached: reached.has(s.key) })),
    events: c.events.map((e) => ({ id: e.id, type: e.type, message: e.message, progress: e.progress, createdAt: e.createdAt })),
    product: c.product ? { title: c.product.title, url: `/products/${c.product.slug}` } : null,
    refund:
      refund && (c.status === "REFUNDED" || c.status === "REFUND_PENDING")
        ? { amountCents: refund.amountCents, currency: refund.currency, reason: refund.reason, reasonText: refundReasonText(refund.reason), status: refund.status }
        : null,
  };
}
export type CommissionStatusView = Awaited<ReturnType<typeof commissionStatusByToken>>;

/** Admin list: one query for the page, one for the count. */
export async function listCommissions(opts: { status?: CommissionStatus; page?: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? 25;
  const page = Math.max(1, opts.page ?? 1);
  const where: Prisma.CommissionWhereInput = opts.status ? { status: opts.status } : {};
  const [items, total] = await db.$transaction([
    db.commission.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, type: true, status: true, stage: true, amountCents: true, currency: true, createdAt: true, paidAt: true, postUrl: true, subreddit: true,
        tier: { select: { name: true } },
        product: { select: { title: true, slug: true } },
      },
    }),
    db.commission.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function commissionDetail(id: string) {
  const c = await db.commission.findUnique({
    where: { id },
    include: {
      tier: true,
      product: { select: { id: true, title: true, slug: true } },
      signal: { select: { id: true, title: true, community: true } },
      idea: { select: { id: true, title: true, status: true } },
      payments: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "No such commission");
  return c;
}
