import { apiRoute } from "@/lib/http/api";
import { pinStatement } from "@/lib/evaluations/service";

export const POST = apiRoute(pinStatement);
