import { viewerProcedure } from "../../trpc";
import { listWeights } from "../../../services/scoring/weights";

export const weights = viewerProcedure.query(() => listWeights());
