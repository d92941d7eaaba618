import { locales, type Narrative } from "@/db/schema/values";

/**
 * A text written in several languages, from a form's flat fields: `title.fr`, `title.es`,
 * `title.en`, and `original`, the language it was first written in (one per form). The use case
 * checks what arrives.
 */
export function narrativeFromForm(values: Record<string, string>, field: string): Narrative {
  return { original: values.original as Narrative["original"], ...Object.fromEntries(locales.map((l) => [l, values[`${field}.${l}`]])) };
}
