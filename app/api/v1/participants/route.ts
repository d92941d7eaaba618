import { apiRoute } from "@/lib/http/api";
import { createParticipant, listParticipants } from "@/lib/participants/use-cases";

export const GET = apiRoute(listParticipants);
export const POST = apiRoute(createParticipant);
