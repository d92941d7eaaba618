import { apiRoute } from "@/lib/http/api";
import { commitResponseImport } from "@/lib/evaluations/import";

export const POST = apiRoute(commitResponseImport);
