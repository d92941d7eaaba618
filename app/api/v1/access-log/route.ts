import { apiRoute } from "@/lib/http/api";
import { listAccessLog } from "@/lib/access-log/service";

export const GET = apiRoute(listAccessLog);
