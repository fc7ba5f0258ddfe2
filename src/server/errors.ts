export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE";

/** A use-case error whose message (Chinese) is safe to show to the user. */
export class AppError extends Error {
  constructor(
    public code: AppErrorCode,
    message: string,
    public data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (m: string, data?: Record<string, unknown>) => new AppError("BAD_REQUEST", m, data);
export const forbidden = (m = "无权执行此操作") => new AppError("FORBIDDEN", m);
export const notFound = (m = "记录不存在或无权访问") => new AppError("NOT_FOUND", m);
export const conflict = (m: string) => new AppError("CONFLICT", m);
