import { apiRoute } from "@/lib/http/api";
import { getUser, setUserActive } from "@/lib/users/use-cases";

export const GET = apiRoute(getUser);
export const PATCH = apiRoute(setUserActive);
