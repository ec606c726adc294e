import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Out = inferRouterOutputs<AppRouter>;
export type PromoAccount = Out["promote"]["accounts"][number];
export type PromoPostItem = Out["promote"]["posts"]["items"][number];
export type PromoAuditItem = Out["promote"]["audit"]["items"][number];
