import { apiRoute } from "@/lib/http/api";
import { createResult } from "@/lib/logic-model/use-cases";

export const POST = apiRoute(createResult);
