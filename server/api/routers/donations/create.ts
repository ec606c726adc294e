import { publicProcedure } from "../../trpc";
import { createDonation } from "../../../services/donations/create-donation";
import { ZCreateDonationForm } from "./create.types";

export const create = publicProcedure.input(ZCreateDonationForm).mutation(({ input }) => createDonation(input));
