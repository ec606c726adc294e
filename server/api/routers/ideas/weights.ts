import { adminProcedure } from "../../trpc";
import { listWeights } from "../../../services/scoring/weights";

export const weights = adminProcedure.query(() => listWeights());
