import { viewerProcedure } from "../../trpc";
import { listReview } from "../../../services/publishing/list-review";
import { ZListReview } from "./review.types";

export const list = viewerProcedure.input(ZListReview).query(({ input }) => listReview(input));
