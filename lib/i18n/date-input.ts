/**
 * Typing a calendar date in the order of the app's language (15/01/2026 in Spanish and French,
 * 01/15/2026 in English) while forms keep sending ISO dates (2026-01-15): the browser's own date
 * input follows the browser's language instead.
 */
export type DatePart = "day" | "month" | "year";

export type DateLayout = { order: DatePart[]; separator: string };

const sample = Date.UTC(2006, 10, 22);

/** The order of day, month and year, and the separator, of a language's numeric dates. */
export function dateLayout(locale: string): DateLayout {
  const parts = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).formatToParts(sample);
  const order = parts.flatMap((part) => (part.type === "day" || part.type === "month" || part.type === "year" ? [part.type] : []));
  const separator = parts.find((part) => part.type === "literal")?.value ?? "/";
  return { order, separator };
}

const digits: Record<DatePart, number> = { day: 2, month: 2, year: 4 };

/** An ISO date shown in the layout's order ("2026-01-15" → "15/01/2026"); anything else unchanged. */
export function formatDateInput(iso: string, layout: DateLayout): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const values: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return layout.order.map((part) => values[part]).join(layout.separator);
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The ISO date of what was typed: in the layout's order with any separators, as the eight digits
 * alone (a phone's number pad has no slash), or already as ISO. Empty stays empty; text that is no
 * date is returned as typed, so the server's validation refuses it with its usual message.
 */
export function parseDateInput(text: string, layout: DateLayout): string {
  const typed = text.trim();
  if (typed === "") return "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? typed;
  let groups = typed.split(/\D+/).filter(Boolean);
  if (groups.length === 1 && groups[0]!.length === 8) {
    let rest = groups[0]!;
    groups = layout.order.map((part) => {
      const group = rest.slice(0, digits[part]);
      rest = rest.slice(digits[part]);
      return group;
    });
  }
  if (groups.length !== 3) return typed;
  const values = Object.fromEntries(layout.order.map((part, index) => [part, Number(groups[index])])) as Record<DatePart, number>;
  const yearGroup = groups[layout.order.indexOf("year")]!;
  if (yearGroup.length !== 4) return typed;
  return isoOf(values.year, values.month, values.day) ?? typed;
}
