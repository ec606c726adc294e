import { viewerProcedure } from "../../trpc";
import { listCatalogue } from "../../../services/shop/catalogue";

export const catalogue = viewerProcedure.query(() => listCatalogue());
