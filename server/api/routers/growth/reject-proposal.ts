import { adminProcedure } from "../../trpc";
import { rejectProposal as reject } from "../../../services/learning/learn-weights";
import { ZProposalId } from "./proposal.types";

export const rejectProposal = adminProcedure.input(ZProposalId).mutation(({ ctx, input }) => reject(input.id, ctx.user.id));
