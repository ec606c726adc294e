import { viewerProcedure } from "../../trpc";
import { listDesigns } from "../../../services/design/list-designs";
import { ZListDesigns } from "./list.types";

export const list = viewerProcedure.input(ZListDesigns).query(({ input }) => listDesigns(input));
