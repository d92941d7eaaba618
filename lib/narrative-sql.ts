import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { locales, type Locale, type Narrative } from "@/db/schema/values";
import { accentedLetters, plainLetters } from "./search-text";

/** A multilingual text column as search reads it: every language written, without accents or case. */
export function narrativeSearchText(column: AnyColumn): SQL {
  return sql`translate(lower(coalesce(${column}->>'fr', '') || ' ' || coalesce(${column}->>'es', '') || ' ' || coalesce(${column}->>'en', '')), ${accentedLetters}, ${plainLetters})`;
}

/** A multilingual text column sorted as the reader sees it: in their language if written, else in the original. */
export function narrativeSortKey(column: AnyColumn, locale: Locale): SQL {
  return sql`translate(lower(coalesce(nullif(${column}->>${locale}::text, ''), ${column}->>(${column}->>'original'))), ${accentedLetters}, ${plainLetters})`;
}

/**
 * Whether a multilingual text column holds any of `text`'s versions in any language: how the demo
 * recognises its own records, also those stored before their texts were translated.
 */
export function holdsAnyVersionOf(column: AnyColumn, text: Narrative): SQL {
  const versions = locales.map((l) => text[l]).filter((v): v is string => Boolean(v));
  return sql`(${sql.join(
    locales.map((l) => sql`${column}->>${l}::text in ${versions}`),
    sql` or `,
  )})`;
}
