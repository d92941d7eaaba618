import { apiRoute } from "@/lib/http/api";
import { revokeRole } from "@/lib/members/service";

export const DELETE = apiRoute(revokeRole);
