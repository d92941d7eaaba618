import { apiRoute } from "@/lib/http/api";
import { setInstitutionActive } from "@/lib/institutions/use-cases";

export const PUT = apiRoute(setInstitutionActive);
