import { submitOrder } from "../../server/services/shop/submit-order";
import type { Processor } from "../tracked";

/** Sends one paid order to the print shop (found by external_id on a re-run, never made twice). */
export const fulfilment: Processor<"fulfilment"> = ({ orderId }) => submitOrder(orderId);
