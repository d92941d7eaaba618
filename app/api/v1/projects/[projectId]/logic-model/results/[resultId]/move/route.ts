import { apiRoute } from "@/lib/http/api";
import { moveResult } from "@/lib/logic-model/use-cases";

export const POST = apiRoute(moveResult);
