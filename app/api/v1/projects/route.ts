import { apiRoute } from "@/lib/http/api";
import { createProject, listProjects } from "@/lib/projects/use-cases";

export const GET = apiRoute(listProjects);
export const POST = apiRoute(createProject);
