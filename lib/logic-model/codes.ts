import type { ResultLevel } from "@/db/schema/values";

/** What a result's code adds to its parent's at each level, in GAC's numbering (1000, 1100, 1110, 1111). */
const stepOf: Record<ResultLevel, number> = { ultimate: 1000, intermediate: 100, immediate: 10, output: 1 };

/**
 * The code to suggest for a new result: the highest numeric code among its siblings plus the level's
 * step, else its parent's code plus one step; "1000" for the ultimate outcome. A project that numbers
 * its results otherwise gets no suggestion it would have to undo: a non-numeric parent gives none.
 */
export function suggestCode(level: ResultLevel, parentCode: string | null, siblingCodes: string[], taken: ReadonlySet<string>): string | null {
  const step = stepOf[level];
  const numeric = (c: string) => (/^\d+$/.test(c) ? Number(c) : null);
  const siblings = siblingCodes.map(numeric).filter((n): n is number => n !== null);
  const base = parentCode === null ? 0 : numeric(parentCode);
  if (base === null) return null;
  let next = siblings.length ? Math.max(...siblings) + step : base + step;
  while (taken.has(String(next))) next += step;
  return String(next);
}
