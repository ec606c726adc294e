import { limitedProcedure } from "../../trpc";
import { createDonation } from "../../../services/donations/create-donation";
import { ZCreateDonationForm } from "./create.types";

export const create = limitedProcedure("create").input(ZCreateDonationForm).mutation(({ input }) => createDonation(input));
