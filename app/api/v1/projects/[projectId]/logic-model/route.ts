import { apiRoute } from "@/lib/http/api";
import { getLogicModel } from "@/lib/logic-model/use-cases";

export const GET = apiRoute(getLogicModel);
