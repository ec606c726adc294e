import { publicProcedure } from "../../trpc";
import { fundraisingGoals } from "../../../services/donations/fundraising";

export const goals = publicProcedure.query(() => fundraisingGoals());
