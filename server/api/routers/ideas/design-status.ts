import { z } from "zod";
import { viewerProcedure } from "../../trpc";
import { ideaDesignStatus } from "../../../services/ideas/list-ideas";

/** Latest design status of an idea: polled by the queue after an approval. */
export const designStatus = viewerProcedure.input(z.object({ ideaId: z.string().min(1) })).query(({ input }) => ideaDesignStatus(input.ideaId));
