import { apiRoute } from "@/lib/http/api";
import { setInstitutionActive } from "@/lib/institutions/service";

export const PUT = apiRoute(setInstitutionActive);
