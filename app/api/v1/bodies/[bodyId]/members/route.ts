import { apiRoute } from "@/lib/http/api";
import { addBodyMember } from "@/lib/bodies/use-cases";

export const POST = apiRoute(addBodyMember);
