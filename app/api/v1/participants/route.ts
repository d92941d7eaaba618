import { apiRoute } from "@/lib/http/api";
import { createParticipant, listParticipants } from "@/lib/participants/service";

export const GET = apiRoute(listParticipants);
export const POST = apiRoute(createParticipant);
