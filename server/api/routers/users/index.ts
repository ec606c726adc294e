import { router } from "../../trpc";
import { acceptInvite } from "./accept-invite";
import { changePassword } from "./change-password";
import { changeRole } from "./change-role";
import { invite } from "./invite";
import { list } from "./list";
import { remove } from "./remove";

// Users and roles: procedures one per file beside this index.
export const usersRouter = router({ list, invite, changeRole, remove, changePassword, acceptInvite });
