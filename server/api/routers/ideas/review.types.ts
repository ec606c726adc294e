import { z } from "zod";

export const ZQuality = z.enum(["standard", "high", "ultra"]);
export const ZApproveIdea = z.object({ ideaId: z.string().min(1), quality: ZQuality.optional() });
export const ZRejectIdea = z.object({ ideaId: z.string().min(1), note: z.string().trim().max(500, "Keep the note under 500 characters").optional() });

const ZIdeaIds = z.array(z.string().min(1)).min(1, "Select at least one idea").max(100, "Select at most 100 ideas at a time");
export const ZBulkApprove = z.object({ ideaIds: ZIdeaIds, quality: ZQuality.optional() });
export const ZBulkReject = z.object({ ideaIds: ZIdeaIds, note: z.string().trim().max(500, "Keep the note under 500 characters").optional() });
