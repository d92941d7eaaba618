import { apiRoute } from "@/lib/http/api";
import { getInstitution, updateInstitution } from "@/lib/institutions/use-cases";

export const GET = apiRoute(getInstitution);
export const PATCH = apiRoute(updateInstitution);
