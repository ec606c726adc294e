import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>;
export type IdeaItem = Out["ideas"]["list"]["items"][number];
export type WeightItem = Out["ideas"]["weights"][number];
export type Breakdown = NonNullable<IdeaItem["signal"]["breakdown"]>;
