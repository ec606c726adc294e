import { adminProcedure } from "../../trpc";
import { approveListing } from "../../../services/publishing/review-listings";
import { ZApproveListing } from "./review.types";

export const approve = adminProcedure
  .input(ZApproveListing)
  .mutation(({ ctx, input }) => approveListing({ listingId: input.listingId, copy: input.copy, by: ctx.user.id }));
