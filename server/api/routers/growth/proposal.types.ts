import { z } from "zod";
export const ZProposalId = z.object({ id: z.string().min(1) });
