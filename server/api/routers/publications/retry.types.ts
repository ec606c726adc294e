import { z } from "zod";

export const ZRetryPublication = z.object({ publicationId: z.string().min(1, "publicationId is required") });
