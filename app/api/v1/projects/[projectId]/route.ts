import { apiRoute } from "@/lib/http/api";
import { getProject, updateProject } from "@/lib/projects/use-cases";

export const GET = apiRoute(getProject);
export const PATCH = apiRoute(updateProject);
