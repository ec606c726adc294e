import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type AskResult = inferRouterOutputs<AppRouter>["ask"]["ask"];
export type Chart = Extract<AskResult, { ok: true }>["chart"];
export type CatalogueData = inferRouterOutputs<AppRouter>["ask"]["catalogue"];
