import { apiRoute } from "@/lib/http/api";
import { getInstitutionStudyLinks } from "@/lib/improvement-actions/for-institution";

export const GET = apiRoute(getInstitutionStudyLinks);
