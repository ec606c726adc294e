import { publicProcedure } from "../../trpc";
import { listTiers } from "../../../services/commissions/tiers";

export const tiers = publicProcedure.query(() => listTiers({ activeOnly: true }));
