import { router } from "../../trpc";
import { list } from "./list";
import { designStatus } from "./design-status";
import { approve } from "./approve";
import { reject } from "./reject";
import { edit } from "./edit";
import { bulkApprove } from "./bulk-approve";
import { bulkReject } from "./bulk-reject";
import { weights } from "./weights";
import { setWeight } from "./set-weight";
import { scoreNow } from "./score-now";

// Idea queue: review (approve → design job, reject, edit, bulk), scoring weights and manual runs.
export const ideasRouter = router({ list, designStatus, approve, reject, edit, bulkApprove, bulkReject, weights, setWeight, scoreNow });
