import type { QueueName } from "../../server/queues/contracts";
import type { Processor } from "../tracked";
import { ingest } from "./ingest";
import { score } from "./score";
import { design } from "./design";
import { publish } from "./publish";
import { commission } from "./commission";
import { payment } from "./payment";
import { refund } from "./refund";
import { fulfilment } from "./fulfilment";
import { fulfilmentEvent } from "./fulfilment-event";
import { localFulfilment } from "./local-fulfilment";
import { growth } from "./growth";
import { promote, socialPost, socialSweep } from "./promote";

// Every queue in the contract has exactly one processor (the type enforces it).
export const processors: { [Q in QueueName]: Processor<Q> } = {
  ingest,
  score,
  design,
  publish,
  commission,
  payment,
  refund,
  fulfilment,
  "fulfilment-event": fulfilmentEvent,
  "local-fulfilment": localFulfilment,
  growth,
  promote,
  socialPost,
  socialSweep,
};
