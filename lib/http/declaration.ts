import { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A download: the content types the route may answer with. */
export type FileResponse = { file: readonly [string, ...string[]] };

/** How a use case is served under /api/v1; the route file, the registry and the OpenAPI document all read it. */
export type HttpDeclaration = {
  method: HttpMethod;
  /** Under /api/v1, with `{name}` for each `[name]` folder of the route. */
  path: string;
  /** The success status, 200 unless said. */
  status?: 200 | 201;
  /** What the use case answers (timestamps are `Date` here and ISO strings on the wire), or the file a download sends. */
  response: z.ZodType | FileResponse;
  /** Where the input is read: the query string (the default for GET and DELETE) or the JSON body. */
  input?: "query" | "body";
  /** A path parameter that the use case's input names otherwise, e.g. `{ institutionId: "sourceId" }`. */
  rename?: Readonly<Record<string, string>>;
};

export type HttpDeclared = { definition: { name: string; http?: HttpDeclaration | readonly HttpDeclaration[] } };

export const httpDeclarations = (useCase: HttpDeclared): readonly HttpDeclaration[] => {
  const { http } = useCase.definition;
  if (!http) return [];
  return "method" in http ? [http as HttpDeclaration] : (http as readonly HttpDeclaration[]);
};

export const isFileResponse = (response: HttpDeclaration["response"]): response is FileResponse => "file" in response;

export const inputSource = (declaration: HttpDeclaration): "query" | "body" =>
  declaration.input ?? (declaration.method === "get" || declaration.method === "delete" ? "query" : "body");

export const pathParameters = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The answer of a paged list (`Page<T>`). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The content types of the downloads, named once. */
export const fileTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  ics: "text/calendar; charset=utf-8",
} as const;
