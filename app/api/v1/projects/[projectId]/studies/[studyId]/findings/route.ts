import { apiRoute } from "@/lib/http/api";
import { createFinding, listFindings } from "@/lib/findings/use-cases";

export const GET = apiRoute(listFindings);
export const POST = apiRoute(createFinding);
