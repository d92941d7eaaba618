import { apiRoute } from "@/lib/http/api";
import { listPersonAccesses } from "@/lib/access-log/service";

export const GET = apiRoute(listPersonAccesses);
