import { apiRoute } from "@/lib/http/api";
import { syncOutbox } from "@/lib/attendance/sync";

export const POST = apiRoute(syncOutbox);
