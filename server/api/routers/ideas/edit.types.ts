import { z } from "zod";
import { ZIdeaDraft } from "../../../providers/ideas/types";

/** Same limits as a written idea; every field optional. */
export const ZEditIdea = ZIdeaDraft.partial().extend({ ideaId: z.string().min(1) });
export type EditIdeaInput = z.infer<typeof ZEditIdea>;
