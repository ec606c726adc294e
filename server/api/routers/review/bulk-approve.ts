import { adminProcedure } from "../../trpc";
import { bulkApproveListings } from "../../../services/publishing/review-listings";
import { ZBulkApproveListings } from "./review.types";

export const bulkApprove = adminProcedure
  .input(ZBulkApproveListings)
  .mutation(({ ctx, input }) => bulkApproveListings({ listingIds: input.listingIds, by: ctx.user.id }));
