import { adminProcedure } from "../../trpc";
import { importPrintfulOrders } from "../../../services/outcomes/import-printful";

export const importPrintful = adminProcedure.mutation(({ ctx }) => importPrintfulOrders({ by: ctx.user.id }));
