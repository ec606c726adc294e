import { router } from "../../trpc";
import { list } from "./list";
import { upsert } from "./upsert";
import { update } from "./update";
import { setEnabled } from "./set-enabled";
import { remove } from "./remove";

// Procedures for "subreddits" live one per file beside this index.
export const subredditsRouter = router({ list, upsert, update, setEnabled, remove });
