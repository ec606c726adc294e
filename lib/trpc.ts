"use client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Calls per HTTP batch; the server refuses larger batches (TRPC_MAX_BATCH, at least this many). */
export const TRPC_BATCH_MAX_ITEMS = 10;
