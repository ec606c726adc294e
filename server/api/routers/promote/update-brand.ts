import { adminProcedure } from "../../trpc";
import { updateBrand as update } from "../../../services/promote/accounts";
import { ZUpdateBrand } from "./brand.types";

export const updateBrand = adminProcedure.input(ZUpdateBrand).mutation(({ ctx, input: { brandId, ...caps } }) => update(brandId, caps, ctx.user.id));
