import { apiRoute } from "@/lib/http/api";
import { listRounds, openRound } from "@/lib/reviews/use-cases";

export const GET = apiRoute(listRounds);
export const POST = apiRoute(openRound);
