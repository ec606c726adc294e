import { adminProcedure } from "../../trpc";
import { listPromoPosts } from "../../../services/promote/queries";
import { ZListPromoPosts } from "./posts.types";

export const posts = adminProcedure.input(ZListPromoPosts).query(({ input }) => listPromoPosts(input));
