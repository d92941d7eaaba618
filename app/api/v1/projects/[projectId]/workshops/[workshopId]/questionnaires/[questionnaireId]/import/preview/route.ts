import { apiRoute } from "@/lib/http/api";
import { previewQuestionnaireImport } from "@/lib/imports/questionnaires";

export const POST = apiRoute(previewQuestionnaireImport);
