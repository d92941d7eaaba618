import { apiRoute } from "@/lib/http/api";
import { createBody, listBodies } from "@/lib/bodies/use-cases";

export const GET = apiRoute(listBodies);
export const POST = apiRoute(createBody);
