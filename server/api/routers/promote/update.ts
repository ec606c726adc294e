import { adminProcedure } from "../../trpc";
import { updateAccount } from "../../../services/promote/accounts";
import { ZUpdateAccount } from "./account.types";

export const update = adminProcedure.input(ZUpdateAccount).mutation(async ({ ctx, input: { accountId, ...settings } }) => {
  const a = await updateAccount(accountId, settings, ctx.user.id);
  return { id: a.id, autoPost: a.autoPost, status: a.status };
});
