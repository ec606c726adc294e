import { adminProcedure } from "../../trpc";
import { listDesigns } from "../../../services/design/list-designs";
import { ZListDesigns } from "./list.types";

export const list = adminProcedure.input(ZListDesigns).query(({ input }) => listDesigns(input));
