import { apiRoute } from "@/lib/http/api";
import { pinStatement } from "@/lib/evaluations/use-cases";

export const POST = apiRoute(pinStatement);
