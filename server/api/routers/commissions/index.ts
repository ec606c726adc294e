import { router } from "../../trpc";
import { create } from "./create";
import { refund } from "./refund";
import { approve } from "./approve";
import { reject } from "./reject";
import { retryRefund } from "./retry-refund";
import { allTiers } from "./all-tiers";
import { updateTier } from "./update-tier";
import { reviewSetting, setReviewSetting } from "./review-setting";

// Procedures for "commissions" live one per file beside this index.
export const commissionsRouter = router({
  create,
  refund,
  approve,
  reject,
  retryRefund,
  allTiers,
  updateTier,
  reviewSetting,
  setReviewSetting,
});
