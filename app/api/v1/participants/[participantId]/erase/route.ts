import { apiRoute } from "@/lib/http/api";
import { eraseParticipant } from "@/lib/participants/personal-data";

export const POST = apiRoute(eraseParticipant);
