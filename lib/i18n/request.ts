import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, negotiateLocale, timeZone } from "./config";
import { catalogues } from "./messages";

// The cookie mirrors the signed-in user's stored choice (set at sign-in and by the switcher),
// so the sign-in page speaks the same language the user last chose.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: catalogues[locale], timeZone };
});
