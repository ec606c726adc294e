import { publicProcedure } from "../../trpc";
import { acceptInvite as acceptInviteService } from "../../../services/users/accept-invite";
import { ZAcceptInvite } from "./users.types";

export const acceptInvite = publicProcedure.input(ZAcceptInvite).mutation(({ input }) => acceptInviteService({ token: input.token, name: input.name, password: input.password }));
