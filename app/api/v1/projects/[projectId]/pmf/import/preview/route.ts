import { apiRoute } from "@/lib/http/api";
import { previewPmfImport } from "@/lib/imports/pmf";

export const POST = apiRoute(previewPmfImport);
