import { viewerProcedure } from "../../trpc";
import { listBrands } from "../../../services/promote/accounts";

export const brands = viewerProcedure.query(() => listBrands());
