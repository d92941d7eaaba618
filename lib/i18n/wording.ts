import { createFormatter, createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { timeZone, type Locale } from "./config";
import { calendarDate } from "./dates";
import { catalogues, type MessageKey } from "./messages";

/** What a document needs to word itself: messages by their whole key (a missing one fails to compile), days and periods. */
export type Wording = {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A day as the reader writes dates. */
  day: (iso: string) => string;
  period: (start: string, end: string) => string;
};

/** Words and dates for documents (exports, printed sheets) in one language. */
export function wordingFor(locale: Locale) {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  const format = createFormatter({ locale, timeZone });
  // A long attendee list repeats the same few days: each is worded once.
  const days = new Map<string, string>();
  return {
    t,
    day: (iso: string) => days.get(iso) ?? days.set(iso, format.dateTime(calendarDate(iso), { dateStyle: "medium" })).get(iso)!,
    longDay: (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "full" }),
    period: (start: string, end: string) => format.dateTimeRange(calendarDate(start), calendarDate(end), { dateStyle: "long" }),
  };
}

/** The wording of the current request's language, or of the one asked for (a workshop's own language). */
export async function getWording(locale?: Locale) {
  return wordingFor(locale ?? (await getLocale()));
}
