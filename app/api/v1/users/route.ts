import { apiRoute } from "@/lib/http/api";
import { createUser, listUsers } from "@/lib/users/use-cases";

export const GET = apiRoute(listUsers);
export const POST = apiRoute(createUser);
