import { apiRoute } from "@/lib/http/api";
import { deleteResult, getResult, updateResult } from "@/lib/logic-model/use-cases";

export const GET = apiRoute(getResult);
export const PATCH = apiRoute(updateResult);
export const DELETE = apiRoute(deleteResult);
