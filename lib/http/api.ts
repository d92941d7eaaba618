import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { redactDatabaseError } from "@/lib/database-errors";
import { describeFailure } from "@/lib/forms";
import { ForeignOriginError, getApiContext } from "@/lib/request-context";
import type { ErrorCode, Failure, Result } from "@/lib/result";
import type { Ctx } from "@/lib/session-user";
import { httpDeclarations, inputSource, isFileResponse, type HttpDeclaration, type HttpDeclared } from "./declaration";

const statusFor: Record<ErrorCode, number> = {
  unauthenticated: 401,
  password_change_required: 403,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  stale: 409,
  too_many: 429,
};

type RouteContext = { params: Promise<Record<string, string>> };
type ServedUseCase = ((ctx: Ctx, rawInput: unknown) => Promise<Result<unknown>>) & HttpDeclared;

/** The use case's input: the query string or the JSON body, then the path's parameters under the names the input uses. */
async function readInput(request: Request, params: Record<string, string>, declaration: HttpDeclaration): Promise<unknown> {
  const named = Object.fromEntries(Object.entries(params).map(([name, value]) => [declaration.rename?.[name] ?? name, value]));
  const given = inputSource(declaration) === "query" ? Object.fromEntries(new URL(request.url).searchParams) : await request.json();
  return { ...given, ...named };
}

/**
 * An /api/v1 handler: the same use case the UI calls, served as its `http` declaration says and
 * answered as JSON. A browser's writes must carry this site's Origin (a token's need not, see
 * getApiContext); refusals come back in the caller's language with per-field messages.
 */
export function apiRoute(useCase: ServedUseCase) {
  const declaration = httpDeclarations(useCase).find((d) => !isFileResponse(d.response));
  if (!declaration) throw new Error(`${useCase.definition.name} declares no JSON route`);
  const successStatus = declaration.status ?? 200;
  return async (request: Request, context: RouteContext) => {
    const isWrite = request.method !== "GET" && request.method !== "HEAD";
    let ctx: Ctx;
    try {
      ctx = await getApiContext(isWrite);
    } catch (error) {
      if (error instanceof ForeignOriginError) return Response.json({ error: "foreign_origin", message: (await getTranslations())("errors.foreignOrigin") }, { status: 403 });
      throw error;
    }
    let input: unknown;
    try {
      // A route without a [folder] parameter is handed no params at all.
      input = await readInput(request, (await context.params) ?? {}, declaration);
    } catch {
      return Response.json({ error: "invalid", message: (await getTranslations())("errors.badJson") }, { status: 400 });
    }
    let result: Result<unknown>;
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
  return Response.json({ error: failure.error, ...describeFailure(failure, t) }, { status: statusFor[failure.error] });
}
