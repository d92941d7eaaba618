import { apiRoute } from "@/lib/http/api";
import { previewParticipantImport } from "@/lib/imports/participants";

export const POST = apiRoute(previewParticipantImport);
