import { apiRoute } from "@/lib/http/api";
import { getParticipant, updateParticipant } from "@/lib/participants/service";

export const GET = apiRoute(getParticipant);
export const PATCH = apiRoute(updateParticipant);
