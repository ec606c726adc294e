import { adminProcedure } from "../../trpc";
import { importOutcomeCsv } from "../../../services/outcomes/import-csv";
import { ZImportCsv } from "./import-csv.types";

export const importCsv = adminProcedure.input(ZImportCsv).mutation(({ ctx, input }) => importOutcomeCsv({ ...input, by: ctx.user.id }));
