import { adminProcedure } from "../../trpc";
import { changeRole as changeRoleService } from "../../../services/users/manage-users";
import { ZChangeRole } from "./users.types";

export const changeRole = adminProcedure.input(ZChangeRole).mutation(({ ctx, input }) => changeRoleService({ userId: input.userId, role: input.role, by: ctx.user.id }));
