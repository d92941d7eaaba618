import { apiRoute } from "@/lib/http/api";
import { closeRound } from "@/lib/reviews/service";

export const POST = apiRoute(closeRound);
