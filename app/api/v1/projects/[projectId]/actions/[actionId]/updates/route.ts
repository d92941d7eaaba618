import { apiRoute } from "@/lib/http/api";
import { addActionUpdate } from "@/lib/improvement-actions/use-cases";

export const POST = apiRoute(addActionUpdate);
