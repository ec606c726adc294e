import { adminProcedure, viewerProcedure } from "../../trpc";
import { autoPublishSettings, setAutoPublish as setAutoPublishService } from "../../../services/publishing/auto-publish";
import { ZSetAutoPublish } from "./review.types";

export const autoPublish = viewerProcedure.query(() => autoPublishSettings());

export const setAutoPublish = adminProcedure
  .input(ZSetAutoPublish)
  .mutation(({ ctx, input }) => setAutoPublishService({ marketplace: input.marketplace, enabled: input.enabled, by: ctx.user.id }));
