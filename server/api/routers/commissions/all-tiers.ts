import { viewerProcedure } from "../../trpc";
import { listTiers } from "../../../services/commissions/tiers";

export const allTiers = viewerProcedure.query(() => listTiers());
