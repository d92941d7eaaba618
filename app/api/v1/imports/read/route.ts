import { apiRoute } from "@/lib/http/api";
import { readImportFile } from "@/lib/imports/read";

export const POST = apiRoute(readImportFile);
