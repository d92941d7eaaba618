import { z } from "zod";
import { certificateVerificationOutput } from "@/lib/certificates/responses";
import { publicAnswerOutput, publicQuestionnaireOutput } from "@/lib/questionnaires/responses";
import { publicResponseInput } from "@/lib/questionnaires/schemas";
import { allUseCases } from "@/lib/use-cases";
import { httpDeclarations, inputSource, isFileResponse, pathParameters, type HttpDeclaration } from "@/lib/http/declaration";

const errorResponse = {
  description: "Refused; `message` and `fieldErrors` are in the caller's language",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: { type: "string" },
          message: { type: "string" },
          fieldErrors: { type: "object", additionalProperties: { type: "string" } },
        },
        required: ["error", "message"],
      },
    },
  },
};

type JsonSchema = { properties?: Record<string, object>; required?: string[] };

// A use case's timestamps are Dates, which the API sends as ISO strings.
const toJsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  });

function successResponse(response: HttpDeclaration["response"]) {
  if (isFileResponse(response)) {
    return {
      description: "The file, sent as an attachment",
      content: Object.fromEntries(response.file.map((type) => [type, { schema: { type: "string", format: "binary" } }])),
    };
  }
  return { description: "Success", content: { "application/json": { schema: toJsonSchema(response, "output") } } };
}

/** The operations that need no account (lib/certificates/verification.ts, lib/questionnaires/public.ts), described by hand since they are no use cases. */
const publicOperation = (name: string, parameter: string, responses: Record<number, unknown>, requestBody?: unknown) => ({
  operationId: name,
  summary: name,
  "x-access": { kind: "public" },
  security: [],
  parameters: [{ name: parameter, in: "path", required: true, schema: { type: "string" } }],
  ...(requestBody ? { requestBody } : {}),
  responses: { ...responses, 400: errorResponse, 429: errorResponse },
});
const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema: toJsonSchema(schema, "output") } } });
export const publicPaths: Record<string, Record<string, unknown>> = {
  "/calendar/{token}": {
    get: publicOperation("calendar.feed", "token", {
      200: { description: "The owner's missions and workshops as iCalendar", content: { "text/calendar": { schema: { type: "string" } } } },
      404: errorResponse,
    }),
  },
  "/certificates/{code}": { get: publicOperation("certificates.verify", "code", { 200: json(certificateVerificationOutput, "Valid, revoked or unknown") }) },
  "/questionnaires/{questionnaireId}": {
    get: publicOperation("questionnaires.public", "questionnaireId", { 200: json(publicQuestionnaireOutput, "The questionnaire, without its right answers"), 404: errorResponse }),
  },
  "/questionnaires/{questionnaireId}/responses": {
    post: publicOperation(
      "questionnaires.answer",
      "questionnaireId",
      { 201: json(publicAnswerOutput, "Received"), 200: json(publicAnswerOutput, "Received before under this id: nothing changed"), 404: errorResponse, 409: errorResponse },
      { required: true, content: { "application/json": { schema: toJsonSchema(publicResponseInput.omit({ questionnaireId: true }), "input") } } },
    ),
  },
};

/** The OpenAPI 3.1 document, built from each use case's `http` declaration and the zod schemas of its input and answer. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const useCase of allUseCases) {
    const { definition } = useCase;
    const declarations = httpDeclarations(useCase);
    for (const declaration of declarations) {
      const schema = toJsonSchema(definition.input as z.ZodType, "input") as JsonSchema;
      const properties = schema.properties ?? {};
      const pathParams = pathParameters(declaration.path);
      const inputNames = pathParams.map((name) => declaration.rename?.[name] ?? name);
      const parameters: object[] = pathParams.map((name, i) => ({ name, in: "path", required: true, schema: properties[inputNames[i]!] ?? { type: "string" } }));
      const rest = Object.entries(properties).filter(([name]) => !inputNames.includes(name));
      const required = (schema.required ?? []).filter((name) => !inputNames.includes(name));
      // A use case served both as JSON and as a file keeps its name for the JSON view.
      const isSecondView = declarations.length > 1 && isFileResponse(declaration.response);
      const entry: Record<string, unknown> = {
        operationId: isSecondView ? `${definition.name}.file` : definition.name,
        summary: definition.name,
        "x-access": definition.access,
        parameters,
        responses: {
          [declaration.status ?? 200]: successResponse(declaration.response),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      };
      if (inputSource(declaration) === "query") {
        parameters.push(...rest.map(([name, s]) => ({ name, in: "query", required: required.includes(name), schema: s })));
      } else if (rest.length > 0) {
        entry.requestBody = { required: true, content: { "application/json": { schema: { ...schema, properties: Object.fromEntries(rest), required } } } };
      }
      paths[declaration.path] = { ...paths[declaration.path], [declaration.method]: entry };
    }
  }
  Object.assign(paths, publicPaths);
  return {
    openapi: "3.1.0",
    info: { title: "Atelier API", version: "1" },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        // A personal API token from the account page: `Authorization: Bearer atl_…`, no Origin needed.
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (account page): read-only or read-write, acting with its owner's roles." },
      },
    },
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
  };
}
