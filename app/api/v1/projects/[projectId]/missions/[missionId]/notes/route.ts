import { apiRoute } from "@/lib/http/api";
import { addMissionNote } from "@/lib/missions/use-cases";

export const POST = apiRoute(addMissionNote);
