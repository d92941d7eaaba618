import { z } from "zod";
import { apiOperations } from "./api-operations";

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

/** The OpenAPI 3.1 document, built from the same zod schemas the use cases parse with. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, operation] of Object.entries(apiOperations)) {
    const { definition } = operation.useCase;
    const schema = z.toJSONSchema(definition.input as z.ZodType, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, object>;
      required?: string[];
    };
    const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const parameters = pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } }));
    const rest = Object.entries(schema.properties ?? {}).filter(([name]) => !pathParams.includes(name));
    const entry: Record<string, unknown> = {
      operationId,
      summary: definition.name,
      "x-access": definition.access,
      parameters,
      responses: {
        [operation.successStatus]: { description: "Success" },
        400: errorResponse,
        401: errorResponse,
        403: errorResponse,
        404: errorResponse,
        409: errorResponse,
      },
    };
    if (operation.method === "get") {
      const required = new Set(schema.required ?? []);
      parameters.push(...rest.map(([name, s]) => ({ name, in: "query", required: required.has(name), schema: s }) as never));
    } else if (rest.length > 0) {
      const body = { ...schema, properties: Object.fromEntries(rest), required: (schema.required ?? []).filter((n) => !pathParams.includes(n)) };
      entry.requestBody = { required: true, content: { "application/json": { schema: body } } };
    }
    paths[operation.path] = { ...paths[operation.path], [operation.method]: entry };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Atelier API", version: "1" },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    security: [{ sessionCookie: [] }],
    paths,
  };
}
