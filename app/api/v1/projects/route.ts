import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.listProjects.useCase, fromQuery);
export const POST = apiRoute(api.createProject.useCase, fromBody, api.createProject.successStatus);
