import { apiRoute } from "@/lib/http/api";
import { commitPmfImport } from "@/lib/imports/pmf";

export const POST = apiRoute(commitPmfImport);
