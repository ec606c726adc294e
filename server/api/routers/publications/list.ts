import { viewerProcedure } from "../../trpc";
import { listPublications } from "../../../services/publishing/list-publications";
import { ZListPublications } from "./list.types";

export const list = viewerProcedure.input(ZListPublications).query(({ input }) => listPublications(input));
