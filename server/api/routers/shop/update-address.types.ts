import { z } from "zod";
import { SHIPPING_COUNTRIES } from "../../../../lib/shop";

export const ZUpdateAddress = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(2, "Enter the recipient's name").max(100),
  address: z.object({
    line1: z.string().trim().min(3, "Enter the street address").max(200),
    line2: z.string().trim().max(200).nullish(),
    city: z.string().trim().min(1, "Enter the city").max(100),
    state: z.string().trim().max(100).nullish(),
    postal_code: z.string().trim().min(2, "Enter the postal code").max(20),
    country: z.enum(SHIPPING_COUNTRIES),
  }),
});
