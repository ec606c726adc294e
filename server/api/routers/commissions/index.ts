import { router } from "../../trpc";
import { tiers } from "./tiers";
import { trending } from "./trending";
import { create } from "./create";
import { status } from "./status";
import { list } from "./list";
import { detail } from "./detail";
import { refund } from "./refund";
import { approve } from "./approve";
import { reject } from "./reject";
import { retryRefund } from "./retry-refund";
import { allTiers } from "./all-tiers";
import { updateTier } from "./update-tier";
import { reviewSetting, setReviewSetting } from "./review-setting";

// Procedures for "commissions" live one per file beside this index.
export const commissionsRouter = router({
  tiers,
  trending,
  create,
  status,
  list,
  detail,
  refund,
  approve,
  reject,
  retryRefund,
  allTiers,
  updateTier,
  reviewSetting,
  setReviewSetting,
});
