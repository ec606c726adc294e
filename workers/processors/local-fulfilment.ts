import { env } from "../../server/env";
import { advanceLocalFulfilment } from "../../server/providers/fulfilment/local";
import type { Processor } from "../tracked";

/** One step of the local print shop; schedules the next as a delayed job. */
export const localFulfilment: Processor<"local-fulfilment"> = ({ externalId, step }) => advanceLocalFulfilment(externalId, step, env().LOCAL_FULFILMENT_STEP_SECONDS);
