import { z } from "zod";
import { ORDER_STATUSES } from "../../../../lib/shop";

export const ZOrders = z.object({ status: z.enum(ORDER_STATUSES).optional(), page: z.number().int().min(1).default(1) });
export const ZOrderId = z.object({ id: z.string().min(1) });
