import { apiRoute } from "@/lib/http/api";
import { getDashboard } from "@/lib/projects/dashboard";

export const GET = apiRoute(getDashboard);
