import { router } from "../../trpc";
import { applyProposal } from "./apply-proposal";
import { rejectProposal } from "./reject-proposal";
import { rollbackProposal } from "./rollback-proposal";
import { setBudget } from "./set-budget";
import { setPrice } from "./set-price";
import { importCsv } from "./import-csv";
import { importPrintful } from "./import-printful";
import { createExperiment } from "./create-experiment";

// Growth loop admin actions; the pages read through the services directly (server components).
export const growthRouter = router({ applyProposal, rejectProposal, rollbackProposal, setBudget, setPrice, importCsv, importPrintful, createExperiment });
