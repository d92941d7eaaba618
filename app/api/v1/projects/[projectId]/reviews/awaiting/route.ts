import { apiRoute } from "@/lib/http/api";
import { awaitingMyReview } from "@/lib/reviews/use-cases";

export const GET = apiRoute(awaitingMyReview);
