import type { CommissionStatus, Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";

// The commission state machine. Events may arrive in any order and more than once; a transition is
// applied with a conditional update (status IN allowedFrom), so concurrent deliveries race safely
// and the status never goes backwards.
export const transitions: Record<CommissionStatus, readonly CommissionStatus[]> = {
  AWAITING_PAYMENT: ["PAID", "EXPIRED", "PAYMENT_FAILED"],
  // Money captured after a late or out-of-order expiry/failure still has to be fulfilled or refunded.
  EXPIRED: ["PAID"],
  PAYMENT_FAILED: ["PAID"],
  PAID: ["IN_PROGRESS", "REFUND_PENDING", "REFUNDED"],
  IN_PROGRESS: ["NEEDS_REVIEW", "COMPLETED", "REFUND_PENDING", "REFUNDED"],
  NEEDS_REVIEW: ["IN_PROGRESS", "REFUND_PENDING", "REFUNDED"],
  // An admin may refund a delivered commission; a refund made in Stripe's dashboard lands here too.
  COMPLETED: ["REFUND_PENDING", "REFUNDED"],
  REFUND_PENDING: ["REFUNDED"],
  REFUNDED: [],
};

export const terminalStatuses: readonly CommissionStatus[] = ["COMPLETED", "REFUNDED", "EXPIRED", "PAYMENT_FAILED"];

/** Statuses from which `to` may be reached. */
export function allowedFrom(to: CommissionStatus): CommissionStatus[] {
  return (Object.keys(transitions) as CommissionStatus[]).filter((from) => transitions[from].includes(to));
}

export function canTransition(from: CommissionStatus, to: CommissionStatus) {
  return transitions[from].includes(to);
}

/**
 * Moves a commission to `to` if its current status allows it (and it also matches `guard`, e.g. a
 * narrower set of statuses). Returns true for the one caller that won the race; everyone else
 * (duplicates, late events) gets false and must not repeat side effects.
 */
export async function transition(
  commissionId: string,
  to: CommissionStatus,
  data: Omit<Prisma.CommissionUncheckedUpdateManyInput, "status"> = {},
  client: Tx | typeof db = db,
  guard: Prisma.CommissionWhereInput = {},
): Promise<boolean> {
  const r = await client.commission.updateMany({
    where: { id: commissionId, status: { in: allowedFrom(to) }, AND: [guard] },
    data: { ...data, status: to },
  });
  return r.count === 1;
}
