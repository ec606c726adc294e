import { adminProcedure } from "../../trpc";
import { rejectListings } from "../../../services/publishing/review-listings";
import { ZRejectListings } from "./review.types";

export const reject = adminProcedure
  .input(ZRejectListings)
  .mutation(({ ctx, input }) => rejectListings({ listingIds: input.listingIds, note: input.note, by: ctx.user.id }));
