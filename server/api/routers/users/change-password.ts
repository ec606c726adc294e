import { protectedProcedure } from "../../trpc";
import { changePassword as changePasswordService } from "../../../services/users/manage-users";
import { ZChangePassword } from "./users.types";

// Anyone signed in (viewers too) may change their own password: it changes nothing on the dashboard.
export const changePassword = protectedProcedure
  .input(ZChangePassword)
  .mutation(({ ctx, input }) => changePasswordService({ userId: ctx.user.id, currentPassword: input.currentPassword, newPassword: input.newPassword }));
