import { apiRoute } from "@/lib/http/api";
import { getPmf } from "@/lib/indicators/pmf";

export const GET = apiRoute(getPmf);
