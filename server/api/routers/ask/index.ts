import { router } from "../../trpc";
import { ask } from "./ask";
import { catalogue } from "./catalogue";

// Ask your data: questions and hand-written SQL through the read-only guard; the live catalogue.
export const askRouter = router({ ask, catalogue });
