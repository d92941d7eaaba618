import { apiRoute } from "@/lib/http/api";
import { createBody, listBodies } from "@/lib/bodies/service";

export const GET = apiRoute(listBodies);
export const POST = apiRoute(createBody);
