import { apiRoute } from "@/lib/http/api";
import { reviewValue } from "@/lib/indicators/reported-values";

export const POST = apiRoute(reviewValue);
