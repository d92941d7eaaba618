import { apiRoute } from "@/lib/http/api";
import { previewInstitutionImport } from "@/lib/imports/institutions";

export const POST = apiRoute(previewInstitutionImport);
