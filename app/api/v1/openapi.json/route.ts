import { buildOpenApiDocument } from "@/lib/openapi";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
