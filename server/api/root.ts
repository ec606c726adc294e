import { createCallerFactory, router } from "./trpc";
import { systemRouter } from "./routers/system";
import { signalsRouter } from "./routers/signals";
import { subredditsRouter } from "./routers/subreddits";
import { ideasRouter } from "./routers/ideas";
import { designsRouter } from "./routers/designs";
import { publicationsRouter } from "./routers/publications";
import { storeRouter } from "./routers/store";
import { commissionsRouter } from "./routers/commissions";
import { donationsRouter } from "./routers/donations";
import { promoteRouter } from "./routers/promote";

export const appRouter = router({
  system: systemRouter,
  signals: signalsRouter,
  subreddits: subredditsRouter,
  ideas: ideasRouter,
  designs: designsRouter,
  publications: publicationsRouter,
  store: storeRouter,
  commissions: commissionsRouter,
  donations: donationsRouter,
  promote: promoteRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
