import { apiRoute } from "@/lib/http/api";
import { getMission, updateMission } from "@/lib/missions/use-cases";

export const GET = apiRoute(getMission);
export const PATCH = apiRoute(updateMission);
