import { apiRoute } from "@/lib/http/api";
import { createMission, listMissions } from "@/lib/missions/use-cases";

export const GET = apiRoute(listMissions);
export const POST = apiRoute(createMission);
