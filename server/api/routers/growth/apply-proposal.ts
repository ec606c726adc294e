import { adminProcedure } from "../../trpc";
import { applyProposal as apply } from "../../../services/learning/learn-weights";
import { ZProposalId } from "./proposal.types";

export const applyProposal = adminProcedure.input(ZProposalId).mutation(({ ctx, input }) => apply(input.id, ctx.user.id));
