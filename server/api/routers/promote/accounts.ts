import { viewerProcedure } from "../../trpc";
import { listAccounts } from "../../../services/promote/accounts";

/** Accounts with persona, schedule, limits, spend, post counts and secret names + last 4 (never values). */
export const accounts = viewerProcedure.query(() => listAccounts());
