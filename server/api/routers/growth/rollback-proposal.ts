import { adminProcedure } from "../../trpc";
import { rollbackProposal as rollback } from "../../../services/learning/learn-weights";
import { ZProposalId } from "./proposal.types";

export const rollbackProposal = adminProcedure.input(ZProposalId).mutation(({ ctx, input }) => rollback(input.id, ctx.user.id));
