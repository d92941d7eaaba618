import { apiRoute } from "@/lib/http/api";
import { createMission, listMissions } from "@/lib/missions/service";

export const GET = apiRoute(listMissions);
export const POST = apiRoute(createMission);
