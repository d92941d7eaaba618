import { apiRoute } from "@/lib/http/api";
import { commitParticipantImport } from "@/lib/imports/participants";

export const POST = apiRoute(commitParticipantImport);
