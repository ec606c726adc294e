import { router } from "../../trpc";
import { approve } from "./approve";
import { autoPublish, setAutoPublish } from "./auto-publish";
import { bulkApprove } from "./bulk-approve";
import { list } from "./list";
import { reject } from "./reject";

// The review gate before marketplaces: procedures one per file beside this index.
export const reviewRouter = router({ list, approve, bulkApprove, reject, autoPublish, setAutoPublish });
