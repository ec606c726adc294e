import { adminProcedure } from "../../trpc";
import { listTiers } from "../../../services/commissions/tiers";

export const allTiers = adminProcedure.query(() => listTiers());
