import { adminProcedure } from "../../trpc";
import { connectAccount } from "../../../services/promote/accounts";
import { ZConnectAccount } from "./account.types";

/** Returns the account without its secrets (they are write-only). */
export const connect = adminProcedure.input(ZConnectAccount).mutation(async ({ ctx, input }) => {
  const a = await connectAccount({ ...input, secrets: input.secrets as Record<string, string> | undefined }, ctx.user.id);
  return { id: a.id, handle: a.handle, platform: a.platform, trackingCode: a.trackingCode };
});
