import { applyFulfilmentEvent } from "../../server/services/shop/apply-fulfilment-event";
import type { Processor } from "../tracked";

/** Applies one recorded fulfilment webhook (Printful's or the local print shop's). */
export const fulfilmentEvent: Processor<"fulfilment-event"> = ({ eventId }) => applyFulfilmentEvent(eventId);
