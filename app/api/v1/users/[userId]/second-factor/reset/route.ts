import { resetSecondFactor } from "@/lib/account/second-factor";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute(resetSecondFactor);
