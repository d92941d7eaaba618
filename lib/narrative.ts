import type { Narrative } from "@/db/schema";
import type { Locale } from "@/db/schema/values";

/**
 * A narrative text in the reader's language when it has been written or translated, else in the
 * language it was first written in, marked so the reader sees it is not yet translated.
 */
export function narrativeFor(text: Narrative, locale: Locale): { text: string; language: Locale; translated: boolean } {
  const own = text[locale]?.trim();
  if (own) return { text: own, language: locale, translated: true };
  return { text: text[text.original] ?? "", language: text.original, translated: locale === text.original };
}
