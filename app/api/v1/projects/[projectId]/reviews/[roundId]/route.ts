import { apiRoute } from "@/lib/http/api";
import { getRound } from "@/lib/reviews/use-cases";

export const GET = apiRoute(getRound);
