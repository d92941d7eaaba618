import { apiRoute } from "@/lib/http/api";
import { addActionUpdate } from "@/lib/improvement-actions/service";

export const POST = apiRoute(addActionUpdate);
