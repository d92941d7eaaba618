import { apiRoute } from "@/lib/http/api";
import { getDashboard } from "@/lib/reports/dashboard";

export const GET = apiRoute(getDashboard);
