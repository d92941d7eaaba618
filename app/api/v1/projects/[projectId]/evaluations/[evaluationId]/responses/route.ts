import { apiRoute } from "@/lib/http/api";
import { addResponse } from "@/lib/evaluations/service";

export const POST = apiRoute(addResponse);
