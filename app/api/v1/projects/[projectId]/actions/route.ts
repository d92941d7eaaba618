import { apiRoute } from "@/lib/http/api";
import { createAction, listActions } from "@/lib/improvement-actions/use-cases";

export const GET = apiRoute(listActions);
export const POST = apiRoute(createAction);
