import { apiRoute } from "@/lib/http/api";
import { listMissionMonth } from "@/lib/missions/service";

export const GET = apiRoute(listMissionMonth);
