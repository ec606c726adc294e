import { router } from "../../trpc";
import { list } from "./list";
import { retry } from "./retry";

// Procedures for "designs" live one per file beside this index.
export const designsRouter = router({ list, retry });
