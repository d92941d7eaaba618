import { apiRoute } from "@/lib/http/api";
import { syncOutbox } from "@/lib/attendance/use-cases";

export const POST = apiRoute(syncOutbox);
