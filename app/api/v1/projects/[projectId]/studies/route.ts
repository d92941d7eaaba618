import { apiRoute } from "@/lib/http/api";
import { createStudy, listStudies } from "@/lib/studies/use-cases";

export const GET = apiRoute(listStudies);
export const POST = apiRoute(createStudy);
