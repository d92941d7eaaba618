import { apiRoute } from "@/lib/http/api";
import { submitValue } from "@/lib/indicators/reported-values";

export const POST = apiRoute(submitValue);
