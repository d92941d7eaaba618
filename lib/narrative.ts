import { z } from "zod";
import type { Narrative } from "@/db/schema";
import { type Locale, locales } from "@/db/schema/values";

/** A narrative as the API sends it: the original's language and the versions written so far. Every domain with such texts answers with it. */
export const localizedText = z.object({
  original: z.enum(locales),
  fr: z.string().optional(),
  es: z.string().optional(),
  en: z.string().optional(),
});

/**
 * A narrative text in the reader's language when it has been written or translated, else in the
 * language it was first written in, marked so the reader sees it is not yet translated.
 */
export function narrativeFor(text: Narrative, locale: Locale): { text: string; language: Locale; translated: boolean } {
  const own = text[locale]?.trim();
  if (own) return { text: own, language: locale, translated: true };
  return { text: text[text.original] ?? "", language: text.original, translated: locale === text.original };
}
