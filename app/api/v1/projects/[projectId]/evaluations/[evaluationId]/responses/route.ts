import { apiRoute } from "@/lib/http/api";
import { addResponse } from "@/lib/evaluations/use-cases";

export const POST = apiRoute(addResponse);
