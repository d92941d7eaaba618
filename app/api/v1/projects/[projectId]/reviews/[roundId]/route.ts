import { apiRoute } from "@/lib/http/api";
import { getRound } from "@/lib/reviews/service";

export const GET = apiRoute(getRound);
