// Services throw AppError; tRPC's errorFormatter and route handlers map it once.
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "UNPROCESSABLE"
  | "UPSTREAM"
  | "INTERNAL";

export const httpStatus: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  UNPROCESSABLE: 422,
  UPSTREAM: 502,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    public code: AppErrorCode,
    message: string,
    public details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** JSON body for route handlers: a message a person can act on, never a stack. */
export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json({ error: { code: e.code, message: e.message, details: e.details } }, { status: httpStatus[e.code] });
  }
  if (e && typeof e === "object" && "issues" in e && Array.isArray((e as { issues: unknown[] }).issues)) {
    const issues = (e as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues;
    return Response.json(
      { error: { code: "BAD_REQUEST", message: issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") } },
      { status: 400 },
    );
  }
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
}
