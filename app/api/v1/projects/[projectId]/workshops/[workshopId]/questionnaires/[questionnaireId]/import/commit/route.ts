import { apiRoute } from "@/lib/http/api";
import { commitQuestionnaireImport } from "@/lib/imports/questionnaires";

export const POST = apiRoute(commitQuestionnaireImport);
