import { apiRoute } from "@/lib/http/api";
import { addBodyMember } from "@/lib/bodies/service";

export const POST = apiRoute(addBodyMember);
