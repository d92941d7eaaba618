import { apiRoute } from "@/lib/http/api";
import { createInstitution, listInstitutions } from "@/lib/institutions/use-cases";

export const GET = apiRoute(listInstitutions);
export const POST = apiRoute(createInstitution);
