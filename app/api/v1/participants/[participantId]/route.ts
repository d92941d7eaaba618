import { apiRoute } from "@/lib/http/api";
import { getParticipant, updateParticipant } from "@/lib/participants/use-cases";

export const GET = apiRoute(getParticipant);
export const PATCH = apiRoute(updateParticipant);
