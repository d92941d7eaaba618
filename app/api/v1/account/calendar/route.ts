import { getCalendarFeed, renewCalendarFeed } from "@/lib/calendar/feed";
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(getCalendarFeed);
export const POST = apiRoute(renewCalendarFeed);
