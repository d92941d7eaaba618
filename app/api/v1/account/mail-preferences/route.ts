import { apiRoute } from "@/lib/http/api";
import { getMailPreferences, setMailPreferences } from "@/lib/mail/preferences";

export const GET = apiRoute(getMailPreferences);
export const PUT = apiRoute(setMailPreferences);
