import { viewerProcedure } from "../../trpc";
import { listIdeas } from "../../../services/ideas/list-ideas";
import { ZListIdeas } from "./list.types";

export const list = viewerProcedure.input(ZListIdeas).query(({ input }) => listIdeas(input));
