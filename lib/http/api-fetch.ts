import type { z } from "zod";
import type { FileResponse, HttpDeclaration } from "./declaration";

// Client-safe: this module imports only types, so a component that calls the API through it
// takes the use case's declared answer (`import type { listUsers } from "…/use-cases"`) and none
// of its server code.

type Served = { definition: { http?: HttpDeclaration | readonly HttpDeclaration[] } };

/** A use case's JSON declarations (a download shares some use cases with a JSON view). */
type JsonDeclaration<U extends Served> = Exclude<
  NonNullable<U["definition"]["http"]> extends infer H ? (H extends readonly HttpDeclaration[] ? H[number] : H) : never,
  { response: FileResponse }
>;

/** "GET /users", "POST /projects/{projectId}/workshops/{workshopId}/sync": the route as the use case declares it. */
export type ApiRoute<U extends Served> = JsonDeclaration<U> extends infer D extends HttpDeclaration ? `${Uppercase<D["method"]>} ${D["path"]}` : never;

type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name]: string } & PathParams<Rest> : unknown;

/** What JSON makes of a value: a `Date` arrives as its ISO string. */
export type Wire<T> = T extends Date ? string : T extends readonly (infer I)[] ? Wire<I>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** What the use case answers on success, as the browser receives it. */
export type ApiAnswer<U extends Served> = JsonDeclaration<U> extends infer D extends HttpDeclaration ? Wire<z.output<Extract<D["response"], z.ZodType>>> : never;

/** A refusal as every /api/v1 route answers it (lib/http/api.ts), worded in the user's language. */
export type ApiError = { error: string; message: string; fieldErrors?: Record<string, string> };

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

type ApiRequest<Route extends string> = {
  query?: Record<string, string>;
  body?: unknown;
  init?: RequestInit;
  /** The fetch to send it with: the check-in screen's wipes the device when the session is over. */
  send?: (url: string, init: RequestInit) => Promise<Response>;
} & (Route extends `${string} ${infer Path}` ? (Path extends `${string}{${string}` ? { params: PathParams<Path> } : { params?: undefined }) : never);

/**
 * Calls the /api/v1 route a use case declares, typed by it: the route must be one the use case
 * serves, the path's parameters are required by name, and the answer has the declared response's
 * type. Network failures throw, as fetch does; refusals come back as `{ ok: false }` with the status.
 */
export async function apiFetch<U extends Served>(route: ApiRoute<U>, request: ApiRequest<ApiRoute<U>>): Promise<ApiResult<ApiAnswer<U>>> {
  const space = route.indexOf(" ");
  const method = route.slice(0, space);
  const template = route.slice(space + 1);
  const params = new Map<string, string>(Object.entries(request.params ?? {}));
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params.get(name) ?? ""));
  const query = request.query ? `?${new URLSearchParams(request.query)}` : "";
  const hasBody = request.body !== undefined;
  const response = await (request.send ?? fetch)(`/api/v1${path}${query}`, {
    ...request.init,
    method,
    ...(hasBody && { headers: { "Content-Type": "application/json" }, body: JSON.stringify(request.body) }),
  });
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: json };
  return { ok: false, status: response.status, error: json ?? { error: "unexpected", message: response.statusText } };
}
