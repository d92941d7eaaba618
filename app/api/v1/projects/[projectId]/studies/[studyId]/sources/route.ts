import { apiRoute } from "@/lib/http/api";
import { addSource } from "@/lib/studies/use-cases";

export const POST = apiRoute(addSource);
