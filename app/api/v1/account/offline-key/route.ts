import { apiRoute } from "@/lib/http/api";
import { getOfflineKey } from "@/lib/account/use-cases";

export const GET = apiRoute(getOfflineKey);
