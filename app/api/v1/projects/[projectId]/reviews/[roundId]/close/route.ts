import { apiRoute } from "@/lib/http/api";
import { closeRound } from "@/lib/reviews/use-cases";

export const POST = apiRoute(closeRound);
