import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { redactDatabaseError } from "@/lib/database-errors";
import { describeFailure } from "@/lib/forms";
import { ForeignOriginError, getRequestContext, getWriteContext } from "@/lib/request-context";
import type { ErrorCode, Failure } from "@/lib/result";
import type { UseCase } from "@/lib/use-case";

const statusFor: Record<ErrorCode, number> = {
  unauthenticated: 401,
  password_change_required: 403,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  stale: 409,
};

type RouteContext<P> = { params: Promise<P> };
type InputReader<P> = (request: Request, params: P) => Promise<unknown>;

export const fromQuery = <P>(request: Request, params: P) =>
  Promise.resolve({ ...Object.fromEntries(new URL(request.url).searchParams), ...params });

export const fromBody = async <P>(request: Request, params: P) => ({ ...(await request.json()), ...params });

/**
 * An /api/v1 handler: the same use case the UI calls, answered as JSON. Writes must carry this
 * site's Origin; refusals come back in the caller's language with per-field messages.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  useCase: UseCase<never, unknown>,
  readInput: InputReader<P>,
  successStatus = 200,
) {
  return async (request: Request, context: RouteContext<P>) => {
    const isWrite = request.method !== "GET" && request.method !== "HEAD";
    let ctx;
    try {
      ctx = isWrite ? await getWriteContext() : await getRequestContext();
    } catch (error) {
      if (error instanceof ForeignOriginError) return Response.json({ error: "foreign_origin", message: (await getTranslations())("errors.foreignOrigin") }, { status: 403 });
      throw error;
    }
    let input: unknown;
    try {
      input = await readInput(request, await context.params);
    } catch {
      return Response.json({ error: "invalid", message: (await getTranslations())("errors.badJson") }, { status: 400 });
    }
    let result;
    try {
      result = await useCase(ctx, input);
    } catch (error) {
      unstable_rethrow(error);
      return unexpectedFailure(useCase.definition.name, error);
    }
    if (result.ok) return Response.json(result.data, { status: successStatus });
    return failureResponse(result);
  };
}

/**
 * A failure no use case expected: logged under the operation's name only (never the request's
 * query or body, and a database error without its values), answered as a plain 500.
 */
export async function unexpectedFailure(operation: string, error: unknown): Promise<Response> {
  console.error(`API ${operation} failed:`, redactDatabaseError(`API ${operation}`, error));
  return Response.json({ error: "unexpected", message: (await getTranslations())("errors.unexpected") }, { status: 500 });
}

/** A refused use case as the API answers it: the status, the code and the message in the caller's language. */
export async function failureResponse(failure: Failure): Promise<Response> {
  const t = await getTranslations();
  return Response.json({ error: failure.error, ...describeFailure(failure, t as never) }, { status: statusFor[failure.error] });
}
