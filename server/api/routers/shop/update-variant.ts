import { adminProcedure } from "../../trpc";
import { updateCatalogueVariant } from "../../../services/shop/catalogue";
import { ZUpdateVariant } from "./update-variant.types";

export const updateVariant = adminProcedure.input(ZUpdateVariant).mutation(({ ctx, input }) => updateCatalogueVariant(input, ctx.user.id));
