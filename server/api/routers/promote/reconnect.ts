import { adminProcedure } from "../../trpc";
import { reconnectAccount } from "../../../services/promote/accounts";
import { ZReconnectAccount } from "./account.types";

export const reconnect = adminProcedure.input(ZReconnectAccount).mutation(({ ctx, input }) => reconnectAccount(input.accountId, input.secrets as Record<string, string>, ctx.user.id));
