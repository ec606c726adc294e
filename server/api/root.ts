import { createCallerFactory, router } from "./trpc";
import { systemRouter } from "./routers/system";
import { signalsRouter } from "./routers/signals";
import { subredditsRouter } from "./routers/subreddits";
import { ideasRouter } from "./routers/ideas";
import { designsRouter } from "./routers/designs";
import { publicationsRouter } from "./routers/publications";
import { commissionsRouter } from "./routers/commissions";
import { donationsRouter } from "./routers/donations";
import { usersRouter } from "./routers/users";
import { reviewRouter } from "./routers/review";
import { askRouter } from "./routers/ask";
import { shopRouter } from "./routers/shop";
import { growthRouter } from "./routers/growth";
import { promoteRouter } from "./routers/promote";

export const appRouter = router({
  system: systemRouter,
  signals: signalsRouter,
  subreddits: subredditsRouter,
  ideas: ideasRouter,
  designs: designsRouter,
  publications: publicationsRouter,
  commissions: commissionsRouter,
  donations: donationsRouter,
  users: usersRouter,
  review: reviewRouter,
  ask: askRouter,
  shop: shopRouter,
  growth: growthRouter,
  promote: promoteRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
