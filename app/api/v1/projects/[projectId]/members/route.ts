import { apiRoute } from "@/lib/http/api";
import { grantRole, listMembers } from "@/lib/members/service";

export const GET = apiRoute(listMembers);
export const POST = apiRoute(grantRole);
