import { apiRoute } from "@/lib/http/api";
import { runRetentionNow } from "@/lib/retention/service";

export const POST = apiRoute(runRetentionNow);
