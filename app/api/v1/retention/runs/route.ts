import { apiRoute } from "@/lib/http/api";
import { runRetentionNow } from "@/lib/retention/use-cases";

export const POST = apiRoute(runRetentionNow);
