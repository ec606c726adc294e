import { z } from "zod";
import { ZCart } from "../../../services/shop/schema";

export const ZValidateCart = z.object({ items: ZCart });
