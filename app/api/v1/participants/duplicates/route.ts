import { apiRoute } from "@/lib/http/api";
import { findDuplicates } from "@/lib/participants/duplicates";

export const GET = apiRoute(findDuplicates);
