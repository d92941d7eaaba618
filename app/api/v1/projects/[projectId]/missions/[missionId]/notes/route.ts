import { apiRoute } from "@/lib/http/api";
import { addMissionNote } from "@/lib/missions/service";

export const POST = apiRoute(addMissionNote);
