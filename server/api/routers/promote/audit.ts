import { adminProcedure } from "../../trpc";
import { listPromoAudit } from "../../../services/promote/queries";
import { ZPromoAudit } from "./audit.types";

export const audit = adminProcedure.input(ZPromoAudit).query(({ input }) => listPromoAudit(input));
