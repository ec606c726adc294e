import { router } from "../../trpc";
import { product } from "./product";
import { products } from "./products";

// Procedures for "store" live one per file beside this index.
export const storeRouter = router({ products, product });
