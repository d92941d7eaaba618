import { apiRoute } from "@/lib/http/api";
import { deleteResult, updateResult } from "@/lib/logic-model/use-cases";

export const PATCH = apiRoute(updateResult);
export const DELETE = apiRoute(deleteResult);
