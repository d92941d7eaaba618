import { apiRoute } from "@/lib/http/api";
import { getInstitutionStudyLinks } from "@/lib/findings/for-institution";

export const GET = apiRoute(getInstitutionStudyLinks);
