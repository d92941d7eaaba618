import { apiRoute } from "@/lib/http/api";
import { commentOnFinding } from "@/lib/reviews/service";

export const POST = apiRoute(commentOnFinding);
