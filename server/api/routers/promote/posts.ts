import { viewerProcedure } from "../../trpc";
import { listPromoPosts } from "../../../services/promote/queries";
import { ZListPromoPosts } from "./posts.types";

export const posts = viewerProcedure.input(ZListPromoPosts).query(({ input }) => listPromoPosts(input));
