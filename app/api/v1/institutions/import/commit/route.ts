import { apiRoute } from "@/lib/http/api";
import { commitInstitutionImport } from "@/lib/imports/institutions";

export const POST = apiRoute(commitInstitutionImport);
