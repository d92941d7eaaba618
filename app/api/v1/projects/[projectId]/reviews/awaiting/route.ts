import { apiRoute } from "@/lib/http/api";
import { awaitingMyReview } from "@/lib/reviews/service";

export const GET = apiRoute(awaitingMyReview);
