import { apiRoute } from "@/lib/http/api";
import { grantRole, listMembers } from "@/lib/members/use-cases";

export const GET = apiRoute(listMembers);
export const POST = apiRoute(grantRole);
