import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Text as the search index keeps it: no accents, no case, single spaces, so "Ministerio de
 * Educación" and "ministerio de educacion" meet. Used on write and on every query alike.
 */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A LIKE pattern that matches `term` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

export const accentedLetters = "áàâäãåéèêëíìîïóòôöõúùûüñçýÿ";
export const plainLetters = "aaaaaaeeeeiiiiooooouuuuncyy";

/**
 * A column as people expect it sorted: "Álvarez" before "Bonilla" and "de la Cruz" among the C's.
 * Databases on the C collation would otherwise put accented and lower-case names after "Z".
 */
export function sortable(column: AnyColumn): SQL {
  return sql`translate(lower(${column}), ${accentedLetters}, ${plainLetters})`;
}
