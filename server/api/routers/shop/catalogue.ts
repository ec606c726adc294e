import { adminProcedure } from "../../trpc";
import { listCatalogue } from "../../../services/shop/catalogue";

export const catalogue = adminProcedure.query(() => listCatalogue());
