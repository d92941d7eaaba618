import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allUseCases } from "@/lib/use-cases";
import { httpDeclarations, isFileResponse, pathParameters } from "./declaration";
import { buildOpenApiDocument, publicPaths } from "@/lib/openapi";

const apiRoot = path.resolve(import.meta.dirname, "../../app/api/v1");
// The API document describes the operations; it is not one of them. The operations that need no
// account (a certificate's verification, a questionnaire answered on a phone) are no use cases;
// the document describes them by hand.
const notUseCases = ["GET /openapi.json", ...Object.entries(publicPaths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))];

/** Every app/api/v1/**\/route.ts as "METHOD /path", with `{name}` for each `[name]` folder. */
function servedRoutes(): string[] {
  const served: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const routePath = `/${path.relative(apiRoot, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)) {
          served.push(`${method} ${routePath}`);
        }
      }
    }
  };
  walk(apiRoot);
  return served.filter((route) => !notUseCases.includes(route)).sort();
}

const declarations = allUseCases.flatMap((useCase) => httpDeclarations(useCase).map((declaration) => ({ useCase, declaration })));
const declared = declarations.map(({ declaration: d }) => `${d.method.toUpperCase()} ${d.path}`).sort();
const inputKeys = (schema: z.ZodType) => Object.keys((z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: object }).properties ?? {});

describe("the /api/v1 routes and the use cases' http declarations", () => {
  it("every exported method of a route is declared by a use case", () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(100);
    expect(served.filter((route) => !declared.includes(route))).toEqual([]);
  });

  it("every declared route is exported by the route file of that path", () => {
    const served = servedRoutes();
    expect(declared.filter((route) => !served.includes(route))).toEqual([]);
  });

  it("no two use cases declare the same route", () => {
    expect(declared.filter((route, i) => declared.indexOf(route) !== i)).toEqual([]);
  });

  it("each path parameter, under the name the input gives it, is a field of the use case's input", () => {
    const drifts = declarations.flatMap(({ useCase, declaration }) => {
      const params = pathParameters(declaration.path);
      const keys = inputKeys(useCase.definition.input as z.ZodType);
      const unknownRenames = Object.keys(declaration.rename ?? {}).filter((name) => !params.includes(name));
      const missing = params.map((name) => declaration.rename?.[name] ?? name).filter((name) => !keys.includes(name));
      return [...unknownRenames, ...missing].map((name) => `${useCase.definition.name} ${declaration.path}: ${name}`);
    });
    expect(drifts).toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  type Operation = {
    operationId: string;
    parameters: { name: string; in: string }[];
    requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
    responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  };
  const operation = (route: string) => {
    const [method, routePath] = route.split(" ") as [string, string];
    return (doc.paths[routePath] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
  };

  it("lists every route with its success response", () => {
    const routes = servedRoutes();
    expect(routes.filter((route) => !operation(route))).toEqual([]);
    for (const { declaration } of declarations) {
      const entry = operation(`${declaration.method.toUpperCase()} ${declaration.path}`)!;
      const success = entry.responses[declaration.status ?? 200]?.content;
      if (isFileResponse(declaration.response)) {
        expect(Object.keys(success ?? {}), declaration.path).toEqual([...declaration.response.file]);
      } else {
        expect(Object.keys(success ?? {}), declaration.path).toEqual(["application/json"]);
        // A described answer, never an empty schema that would accept anything.
        expect(success!["application/json"]!.schema.type, declaration.path).toMatch(/^(object|array)$/);
      }
    }
  });

  it("gives every operation its own id", () => {
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods as Record<string, Operation>).map((o) => o.operationId));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("describes each file download with its content types, not as JSON", () => {
    const types = (route: string) => Object.keys(operation(route)!.responses["200"]!.content!);
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(types("GET /participants/export")).toEqual(["text/csv; charset=utf-8", xlsx]);
    expect(types("GET /institutions/export")).toEqual(["text/csv; charset=utf-8", xlsx]);
    expect(types("GET /projects/{projectId}/studies/{studyId}/export")).toEqual([docx, "application/pdf", xlsx]);
    expect(types("GET /projects/{projectId}/closing-report")).toEqual([docx, "application/pdf"]);
    expect(types("GET /projects/{projectId}/workshops/{workshopId}/report/export")).toEqual([xlsx, "application/pdf"]);
    expect(types("GET /projects/{projectId}/workshops/{workshopId}/sign-in-sheet")).toEqual(["application/pdf"]);
    expect(types("GET /projects/{projectId}/studies/{studyId}/sources/{sourceId}/file")).toContain("application/pdf");
  });

  it("names path parameters as the route folders do, and does not ask for them again in the body", () => {
    const merge = operation("POST /institutions/{institutionId}/merge")!;
    expect(merge.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(["institutionId"]);
    expect(merge.requestBody!.content["application/json"]!.schema.required).not.toContain("sourceId");
    const distinct = operation("POST /participants/{participantId}/distinct")!;
    expect(distinct.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(["participantId"]);
    expect(distinct.requestBody!.content["application/json"]!.schema.required).not.toContain("keepId");
  });

  it("describes what an operation answers, with timestamps as date-time strings", () => {
    const project = operation("GET /projects/{projectId}")!.responses["200"]!.content!["application/json"]!.schema as {
      properties: { project: { properties: Record<string, { type?: string; format?: string }> } };
    };
    expect(project.properties.project.properties.code).toMatchObject({ type: "string" });
    expect(project.properties.project.properties.createdAt).toMatchObject({ type: "string", format: "date-time" });
  });
});
