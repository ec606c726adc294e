import { viewerProcedure } from "../../trpc";
import { listSignals } from "../../../services/ingest/list-signals";
import { ZListSignals } from "./list.types";

export const list = viewerProcedure.input(ZListSignals).query(({ input }) =>
  listSignals({
    status: input.status,
    community: input.community || undefined,
    source: input.source || undefined,
    search: input.search || undefined,
    cursor: input.cursor,
    take: input.take,
  }),
);
