import { locales, type Locale } from "@/db/schema/values";

export { locales, type Locale };
export const defaultLocale: Locale = "en";
export const localeCookie = "atelier-locale";
// Dates in the UI are calendar dates or audit times; one zone keeps them identical for everyone.
export const timeZone = "UTC";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header, by the order the browser sends. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const primary = part.split(";")[0]!.trim().split("-")[0]!.toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}
