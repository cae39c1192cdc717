/** The one error type of the system: a Vietnamese message for the person at the screen. */
export type ErrorCode = "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "rate_limited" | "internal";

const STATUS: Record<ErrorCode, number> = {
  validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rate_limited: 429, internal: 500,
};

export class AppError extends Error {
  // bin/cchc.js prints only the message of an AppError, not a stack trace.
  override readonly name = "AppError";
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly field?: string) {
    super(message);
    this.status = STATUS[code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const invalid = (message: string, field?: string) => new AppError("validation", message, field);
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") => new AppError("forbidden", message);
export const notFound = (what: string) => new AppError("not_found", `Không tìm thấy ${what}.`);
export const unauthenticated = () => new AppError("unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
export const conflict = (message: string, field?: string) => new AppError("conflict", message, field);
