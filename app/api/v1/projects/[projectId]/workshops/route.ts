import { apiRoute } from "@/lib/http/api";
import { createWorkshop, listWorkshops } from "@/lib/workshops/use-cases";

export const GET = apiRoute(listWorkshops);
export const POST = apiRoute(createWorkshop);
