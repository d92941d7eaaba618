import { apiRoute } from "@/lib/http/api";
import { deletePeriod } from "@/lib/indicators/use-cases";

export const DELETE = apiRoute(deletePeriod);
