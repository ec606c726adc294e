import { viewerProcedure } from "../../trpc";
import { listPromoAudit } from "../../../services/promote/queries";
import { ZPromoAudit } from "./audit.types";

export const audit = viewerProcedure.input(ZPromoAudit).query(({ input }) => listPromoAudit(input));
