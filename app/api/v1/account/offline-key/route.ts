import { apiRoute } from "@/lib/http/api";
import { getOfflineKey } from "@/lib/account/offline-key";

export const GET = apiRoute(getOfflineKey);
