import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { SessionUser } from "../auth/options";
import { AppError, type AppErrorCode } from "../errors";
import { log } from "../log";
import { consume, type LimitName } from "../services/limits";

/** `ip`: the client's address (server/http/client-ip.ts) for per-IP limits; absent for in-process callers. */
export type Context = { user: SessionUser | null; ip?: string };

const toTrpc: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  UPSTREAM: "BAD_GATEWAY",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // The one error mapping: AppError keeps its message; zod issues become field messages; anything
  // else is logged and hidden behind a generic message.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zod = cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.join("."), message: i.message })) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof AppError);
    if (internal) log.error({ err: cause ?? error }, "tRPC internal error");
    return {
      ...shape,
      message: internal ? "Something went wrong on our side. Please try again." : zod ? zod.map((z) => `${z.path || "input"}: ${z.message}`).join("; ") : shape.message,
      data: { ...shape.data, stack: undefined, fieldErrors: zod },
    };
  },
});

/** Services throw AppError; turn it into the matching TRPCError (message kept). */
const mapAppErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.cause instanceof AppError) {
    const e = res.error.cause;
    throw new TRPCError({ code: toTrpc[e.code], message: e.message, cause: e });
  }
  return res;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { user: ctx.user } });
});

/** Dashboard reads: admins and viewers. Everything that changes something is an adminProcedure. */
export const viewerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN" && ctx.user.role !== "VIEWER") throw new TRPCError({ code: "FORBIDDEN", message: "Dashboard users only." });
  return next({ ctx: { user: ctx.user } });
});

/** Changes: admins only. */
/** A public procedure that spends one point of a per-IP limit before it runs (429 when spent). */
export const limitedProcedure = (limit: LimitName) =>
  publicProcedure.use(async ({ ctx, next }) => {
    if (ctx.ip) await consume(limit, ctx.ip);
    return next();
  });

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only." });
  return next({ ctx: { user: ctx.user } });
});
