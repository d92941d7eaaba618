import { apiRoute } from "@/lib/http/api";
import { getPortfolio } from "@/lib/projects/portfolio";

export const GET = apiRoute(getPortfolio);
