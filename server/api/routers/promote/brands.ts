import { adminProcedure } from "../../trpc";
import { listBrands } from "../../../services/promote/accounts";

export const brands = adminProcedure.query(() => listBrands());
