import { apiRoute } from "@/lib/http/api";
import { listAccessLog } from "@/lib/access-log/use-cases";

export const GET = apiRoute(listAccessLog);
