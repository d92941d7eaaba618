import { apiRoute } from "@/lib/http/api";
import { getUser, setUserActive } from "@/lib/users/service";

export const GET = apiRoute(getUser);
export const PATCH = apiRoute(setUserActive);
