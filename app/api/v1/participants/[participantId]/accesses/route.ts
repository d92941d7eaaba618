import { apiRoute } from "@/lib/http/api";
import { listPersonAccesses } from "@/lib/access-log/use-cases";

export const GET = apiRoute(listPersonAccesses);
