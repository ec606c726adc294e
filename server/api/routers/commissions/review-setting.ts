import { z } from "zod";
import { adminProcedure, viewerProcedure } from "../../trpc";
import { getSetting, setSetting } from "../../../services/settings";

export const reviewSetting = viewerProcedure.query(async () => ({ commissionReview: await getSetting("commissionReview") }));

export const setReviewSetting = adminProcedure
  .input(z.object({ commissionReview: z.boolean() }))
  .mutation(async ({ ctx, input }) => ({ commissionReview: await setSetting("commissionReview", input.commissionReview, ctx.user.id) }));
