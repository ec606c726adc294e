import { limitedProcedure } from "../../trpc";
import { validateCart } from "../../../services/shop/validate-cart";
import { ZValidateCart } from "./validate-cart.types";

/** The cart re-priced against the catalogue as it is now, with a message per stale or missing line. */
export const validate = limitedProcedure("api").input(ZValidateCart).query(({ input }) => validateCart(input.items));
