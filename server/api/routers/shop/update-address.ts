import { adminProcedure } from "../../trpc";
import { updateShippingAddress } from "../../../services/shop/submit-order";
import { ZUpdateAddress } from "./update-address.types";

export const updateAddress = adminProcedure.input(ZUpdateAddress).mutation(({ ctx, input }) => updateShippingAddress(input.id, { name: input.name, address: input.address }, ctx.user.id));
