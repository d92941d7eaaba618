import { apiRoute } from "@/lib/http/api";
import { commitResponseImport } from "@/lib/imports/evaluations";

export const POST = apiRoute(commitResponseImport);
