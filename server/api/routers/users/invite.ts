import { adminProcedure } from "../../trpc";
import { inviteUser } from "../../../services/users/invite-user";
import { ZInviteUser } from "./users.types";

export const invite = adminProcedure.input(ZInviteUser).mutation(({ ctx, input }) => inviteUser({ email: input.email, role: input.role, by: ctx.user.id }));
