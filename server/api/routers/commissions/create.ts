import { limitedProcedure } from "../../trpc";
import { createCommission } from "../../../services/commissions/create-commission";
import { ZCreateCommissionForm } from "./create.types";

export const create = limitedProcedure("create").input(ZCreateCommissionForm).mutation(({ input }) => createCommission(input));
