import { adminProcedure } from "../../trpc";
import { removeUser } from "../../../services/users/manage-users";
import { ZRemoveUser } from "./users.types";

export const remove = adminProcedure.input(ZRemoveUser).mutation(({ ctx, input }) => removeUser({ userId: input.userId, by: ctx.user.id }));
