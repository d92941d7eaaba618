import { apiRoute } from "@/lib/http/api";
import { createProjectTheme, listProjectThemes } from "@/lib/findings/use-cases";

export const GET = apiRoute(listProjectThemes);
export const POST = apiRoute(createProjectTheme);
