import { z } from "zod";
import { requireAdmin, requireAnyProjectRole, requireOwnPassword, requireProjectRole, requireUser, type ProjectAccess } from "./authz";
import { redactDatabaseError } from "./database-errors";
import type { HttpDeclaration } from "./http/declaration";
import { UseCaseError, type Result } from "./result";
import type { Ctx, SessionUser } from "./session-user";
import type { Permission } from "./policy";
import { findControlCharacters, toFieldErrors } from "./validation";
import { withinPublicLimit } from "./public-limit";

/** How many requests one API token may make in a minute. */
export const tokenRequestsPerMinute = 600;

export type Access =
  | { kind: "user" }
  | { kind: "admin" }
  /** A role holding `permission` (lib/policy.ts) in the project named by the input's projectId. */
  | { kind: "project"; permission: Permission }
  /** The shared directory (institutions, bodies): the strongest role held in any project must hold `permission`. */
  | { kind: "directory"; permission: Permission };

export type UseCaseCtx = Ctx & { user: SessionUser; access: ProjectAccess | null };

type ProjectScoped = { projectId: string };

/** A project's role is read in the project its input names: "project" access needs a projectId in the input. */
export type AccessFor<S extends z.ZodType> = z.output<S> extends ProjectScoped ? Access : Exclude<Access, { kind: "project" }>;

type Http = HttpDeclaration | readonly HttpDeclaration[];

export type UseCaseDefinition<S extends z.ZodType, R, H extends Http | undefined = Http | undefined> = {
  /** "<domain>.<verb>": the name tests, the audit trail and the API document use. */
  name: string;
  access: AccessFor<S>;
  input: S;
  /** A write's `run` goes in one transaction, so what it writes, its audit entry included, lands whole or not at all. */
  write: boolean;
  /** Also runs for a user who must still replace a temporary password: the change itself, sign-out. */
  allowsTemporaryPassword?: boolean;
  /** Only from a signed-in browser, never with an API token (managing the tokens themselves). */
  sessionOnly?: boolean;
  /**
   * How /api/v1 serves it (a file download and a JSON view may share one use case); none without an
   * API route. Kept as written (path and response), so a client call can be typed from it (lib/http/client.ts).
   */
  http?: H;
  run: (ctx: UseCaseCtx, input: z.output<S>) => Promise<R>;
};

export type UseCase<S extends z.ZodType = z.ZodType, R = unknown, H extends Http | undefined = Http | undefined> = ((ctx: Ctx, rawInput: unknown) => Promise<Result<R>>) & {
  definition: UseCaseDefinition<S, R, H>;
};

/**
 * Every entry point (server action, API handler, page) calls a use case, which always runs in
 * the same order: authenticate → authorize → parse → check project scope → run (in a transaction
 * for a write) → answer a refusal or a duplicate as a result. The runner records no audit entry:
 * a write's `run` records its own, under the use case's name, inside that transaction (`insertAudited` or
 * `updateVersioned` from lib/audited-write.ts, else `recordAudit`).
 */
export function defineUseCase<S extends z.ZodType, R, const H extends Http | undefined = undefined>(definition: UseCaseDefinition<S, R, H>): UseCase<S, R, H> {
  const execute = async (ctx: Ctx, rawInput: unknown): Promise<Result<R>> => {
    try {
      const user = definition.access.kind === "admin" ? requireAdmin(ctx) : requireUser(ctx);
      if (!definition.allowsTemporaryPassword) requireOwnPassword(user);
      if (ctx.token) {
        // A read-only token never writes; some things are done only from a browser; each token has its share of requests.
        if ((definition.write && ctx.token.access === "read") || definition.sessionOnly) return { ok: false, error: "forbidden" };
        if (!(await withinPublicLimit(ctx.db, "api-token", ctx.token.id, tokenRequestsPerMinute))) return { ok: false, error: "too_many" };
      }
      const directoryAccess = definition.access.kind === "directory" ? await requireAnyProjectRole(ctx, definition.access.permission) : null;
      const controlCharacters = findControlCharacters(rawInput);
      if (controlCharacters) return { ok: false, error: "invalid", fieldErrors: controlCharacters };
      const parsed = definition.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: toFieldErrors(parsed.error) };
      const input = parsed.data;
      const access = definition.access.kind === "project" ? await requireProjectRole(ctx, (input as ProjectScoped).projectId, definition.access.permission) : directoryAccess;
      const data = definition.write ? await ctx.db.transaction((tx) => definition.run({ db: tx, user, access }, input)) : await definition.run({ db: ctx.db, user, access }, input);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UseCaseError) return { ok: false, error: error.code, fieldErrors: error.fieldErrors };
      if (isRaceLost(error)) return { ok: false, error: "conflict" };
      // Whoever logs it next (Next.js, the API handler) must not see the query's values.
      throw redactDatabaseError(`Use case ${definition.name}`, error);
    }
  };
  return Object.assign(execute, { definition });
}

/**
 * Another writer got there between the checks and the write: a duplicate of a unique value (23505),
 * or a row linked to or removed meanwhile (23503). The checks already refused everything else.
 */
function isRaceLost(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505" || e.code === "23503") return true;
  }
  return false;
}

export const pageInput = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
