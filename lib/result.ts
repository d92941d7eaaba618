import type { ValidationKey } from "./i18n/messages";

// Keyed by the catalogue, so a refusal cannot name a message that does not exist.
export type FieldError = { key: ValidationKey; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

export const errorCodes = ["unauthenticated", "password_change_required", "not_found", "forbidden", "invalid", "conflict", "stale", "too_many"] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type Failure = { ok: false; error: ErrorCode; fieldErrors?: FieldErrors };
export type Success<T> = { ok: true; data: T };
export type Result<T> = Success<T> | Failure;

/** An expected refusal raised inside a service; the use-case runner turns it into a Failure. */
export class UseCaseError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(code);
  }
}
