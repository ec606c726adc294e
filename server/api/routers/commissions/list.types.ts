import { z } from "zod";

export const ZCommissionStatus = z.enum(["AWAITING_PAYMENT", "PAID", "IN_PROGRESS", "NEEDS_REVIEW", "COMPLETED", "REFUND_PENDING", "REFUNDED", "EXPIRED", "PAYMENT_FAILED"]);
