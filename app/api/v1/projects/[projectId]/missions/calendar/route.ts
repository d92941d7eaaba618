import { apiRoute } from "@/lib/http/api";
import { listMissionMonth } from "@/lib/missions/use-cases";

export const GET = apiRoute(listMissionMonth);
