import { apiRoute } from "@/lib/http/api";
import { getPortfolio } from "@/lib/reports/portfolio";

export const GET = apiRoute(getPortfolio);
