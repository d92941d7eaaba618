import { apiRoute } from "@/lib/http/api";
import { exportParticipantData } from "@/lib/participants/personal-data";

export const POST = apiRoute(exportParticipantData);
