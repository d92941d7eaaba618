import { apiRoute } from "@/lib/http/api";
import { getWorkshop, updateWorkshop } from "@/lib/workshops/use-cases";

export const GET = apiRoute(getWorkshop);
export const PATCH = apiRoute(updateWorkshop);
