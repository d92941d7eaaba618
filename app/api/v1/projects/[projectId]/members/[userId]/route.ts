import { apiRoute } from "@/lib/http/api";
import { revokeRole } from "@/lib/members/use-cases";

export const DELETE = apiRoute(revokeRole);
