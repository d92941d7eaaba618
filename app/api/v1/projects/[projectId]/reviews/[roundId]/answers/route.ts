import { apiRoute } from "@/lib/http/api";
import { answerFinding } from "@/lib/reviews/use-cases";

export const POST = apiRoute(answerFinding);
