import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { AppError } from "../../../errors";
import { getProduct } from "../../../services/store/get-product";

export const product = publicProcedure.input(z.object({ slug: z.string().min(1).max(200) })).query(async ({ input }) => {
  const p = await getProduct(input.slug);
  if (!p) throw new AppError("NOT_FOUND", "No product with that address");
  return p;
});
