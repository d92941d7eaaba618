import { apiRoute } from "@/lib/http/api";
import { mergeParticipants } from "@/lib/participants/duplicates";

// The person in the path is the one kept; the body names the other (`otherId`).
export const POST = apiRoute(mergeParticipants);
