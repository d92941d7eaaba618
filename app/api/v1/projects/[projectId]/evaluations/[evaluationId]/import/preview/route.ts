import { apiRoute } from "@/lib/http/api";
import { previewResponseImport } from "@/lib/imports/evaluations";

export const POST = apiRoute(previewResponseImport);
