import { apiRoute } from "@/lib/http/api";
import { endBodyMembership, removeBodyMembership } from "@/lib/bodies/use-cases";

export const PATCH = apiRoute(endBodyMembership);
export const DELETE = apiRoute(removeBodyMembership);
