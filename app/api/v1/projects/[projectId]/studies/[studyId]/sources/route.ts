import { apiRoute } from "@/lib/http/api";
import { addSource } from "@/lib/studies/service";

export const POST = apiRoute(addSource);
