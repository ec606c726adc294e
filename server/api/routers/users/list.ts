import { viewerProcedure } from "../../trpc";
import { listUsers } from "../../../services/users/manage-users";

export const list = viewerProcedure.query(() => listUsers());
