import { router } from "../../trpc";
import { accounts } from "./accounts";
import { approve } from "./approve";
import { audit } from "./audit";
import { brands } from "./brands";
import { connect } from "./connect";
import { createBrand } from "./create-brand";
import { edit } from "./edit";
import { posts } from "./posts";
import { reconnect } from "./reconnect";
import { reject } from "./reject";
import { update } from "./update";
import { updateBrand } from "./update-brand";

// Procedures for the promoters live one per file beside this index.
export const promoteRouter = router({ accounts, brands, createBrand, updateBrand, connect, update, reconnect, posts, approve, reject, edit, audit });
