import { router } from "../../trpc";
import { validate } from "./validate-cart";
import { checkout } from "./checkout";
import { catalogue } from "./catalogue";
import { updateVariant } from "./update-variant";
import { orders } from "./orders";
import { order } from "./order";
import { refundOrder } from "./refund-order";
import { resubmit } from "./resubmit-order";
import { updateAddress } from "./update-address";

// Procedures for "shop" live one per file beside this index.
export const shopRouter = router({ validate, checkout, catalogue, updateVariant, orders, order, refundOrder, resubmit, updateAddress });
