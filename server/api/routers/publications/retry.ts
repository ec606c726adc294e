import { adminProcedure } from "../../trpc";
import { retryPublication } from "../../../services/publishing/retry-publication";
import { ZRetryPublication } from "./retry.types";

export const retry = adminProcedure.input(ZRetryPublication).mutation(({ ctx, input }) => retryPublication(input.publicationId, ctx.user.id));
