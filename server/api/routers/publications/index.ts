import { router } from "../../trpc";
import { list } from "./list";
import { retry } from "./retry";

// Procedures for "publications" live one per file beside this index.
export const publicationsRouter = router({ list, retry });
