import { apiRoute } from "@/lib/http/api";
import { previewResponseImport } from "@/lib/evaluations/import";

export const POST = apiRoute(previewResponseImport);
