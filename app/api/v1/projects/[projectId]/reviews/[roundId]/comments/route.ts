import { apiRoute } from "@/lib/http/api";
import { commentOnFinding } from "@/lib/reviews/use-cases";

export const POST = apiRoute(commentOnFinding);
