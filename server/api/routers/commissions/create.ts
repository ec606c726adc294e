import { publicProcedure } from "../../trpc";
import { createCommission } from "../../../services/commissions/create-commission";
import { ZCreateCommissionForm } from "./create.types";

export const create = publicProcedure.input(ZCreateCommissionForm).mutation(({ input }) => createCommission(input));
