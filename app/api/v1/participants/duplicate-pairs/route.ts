import { apiRoute } from "@/lib/http/api";
import { listDuplicatePairs } from "@/lib/participants/duplicates";

export const GET = apiRoute(listDuplicatePairs);
