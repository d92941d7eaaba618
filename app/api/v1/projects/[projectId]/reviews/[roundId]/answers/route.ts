import { apiRoute } from "@/lib/http/api";
import { answerFinding } from "@/lib/reviews/service";

export const POST = apiRoute(answerFinding);
