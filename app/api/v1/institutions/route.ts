import { apiRoute } from "@/lib/http/api";
import { createInstitution, listInstitutions } from "@/lib/institutions/service";

export const GET = apiRoute(listInstitutions);
export const POST = apiRoute(createInstitution);
