import type { OrderStatus, Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";

// The order state machine. Payment and fulfilment events arrive in any order and more than once;
// a transition is one conditional update (status IN allowedFrom), so the status never goes backwards
// and exactly one delivery wins each step.
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  AWAITING_PAYMENT: ["PAID", "EXPIRED"],
  EXPIRED: ["PAID"], // money captured after a late expiry still has to be fulfilled or refunded
  PAID: ["SUBMITTED", "ON_HOLD", "IN_PRODUCTION", "SHIPPED", "CANCELED", "REFUND_PENDING", "REFUNDED"],
  SUBMITTED: ["ON_HOLD", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "CANCELED", "REFUND_PENDING", "REFUNDED"],
  ON_HOLD: ["SUBMITTED", "IN_PRODUCTION", "SHIPPED", "CANCELED", "REFUND_PENDING", "REFUNDED"],
  IN_PRODUCTION: ["ON_HOLD", "SHIPPED", "DELIVERED", "CANCELED", "REFUND_PENDING", "REFUNDED"],
  SHIPPED: ["DELIVERED", "REFUND_PENDING", "REFUNDED"],
  DELIVERED: ["REFUND_PENDING", "REFUNDED"],
  CANCELED: ["REFUND_PENDING", "REFUNDED"],
  REFUND_PENDING: ["REFUNDED"],
  REFUNDED: [],
};

export function orderAllowedFrom(to: OrderStatus): OrderStatus[] {
  return (Object.keys(orderTransitions) as OrderStatus[]).filter((from) => orderTransitions[from].includes(to));
}

/** Moves an order to `to` when its status allows; true for the one caller that won. */
export async function transitionOrder(
  orderId: string,
  to: OrderStatus,
  data: Omit<Prisma.OrderUncheckedUpdateManyInput, "status"> = {},
  client: Tx | typeof db = db,
  guard: Prisma.OrderWhereInput = {},
): Promise<boolean> {
  const r = await client.order.updateMany({ where: { id: orderId, status: { in: orderAllowedFrom(to) }, AND: [guard] }, data: { ...data, status: to } });
  return r.count === 1;
}

export type OrderEventInput = { type: string; message: string; dedupeKey?: string; data?: Prisma.InputJsonValue };

/** Appends to an order's timeline; with a dedupeKey, once however often the work reruns. */
export async function recordOrderEvent(orderId: string, e: OrderEventInput, client: Tx | typeof db = db) {
  await client.orderEvent.createMany({ data: [{ orderId, type: e.type, message: e.message, dedupeKey: e.dedupeKey ?? null, data: e.data }], skipDuplicates: true });
}
