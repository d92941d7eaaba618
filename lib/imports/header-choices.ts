import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importHeaderChoices } from "@/db/schema";
import type { ColumnMapping } from "./fields";
import { normaliseHeader } from "./mapping";

export type ImportKind = (typeof importHeaderChoices.kind.enumValues)[number];

/** The headers people mapped before, for one kind of import: normalised header → field. */
export async function loadHeaderChoices(db: Db, kind: ImportKind): Promise<Map<string, string>> {
  const rows = await db.select({ header: importHeaderChoices.header, field: importHeaderChoices.field }).from(importHeaderChoices).where(eq(importHeaderChoices.kind, kind));
  return new Map(rows.map((r) => [r.header, r.field]));
}

/**
 * Remembers the mapping of a committed import: each mapped header keeps its field, and a header
 * left unmapped forgets any field it had, so the next guess follows the latest choice.
 */
export async function rememberHeaderChoices<F extends string>(db: Db, userId: string, kind: ImportKind, headers: string[], mapping: ColumnMapping<F>) {
  const normalised = headers.map(normaliseHeader);
  const chosen = new Map<string, string>();
  for (const [field, index] of Object.entries(mapping) as [F, number | null | undefined][]) {
    const header = index === null || index === undefined ? "" : (normalised[index] ?? "");
    if (header) chosen.set(header, field);
  }
  const unmapped = normalised.filter((h) => h && !chosen.has(h));
  if (unmapped.length) await db.delete(importHeaderChoices).where(and(eq(importHeaderChoices.kind, kind), inArray(importHeaderChoices.header, unmapped)));
  for (const [header, field] of chosen) {
    await db
      .insert(importHeaderChoices)
      .values({ kind, header, field, chosenById: userId })
      .onConflictDoUpdate({ target: [importHeaderChoices.kind, importHeaderChoices.header], set: { field, chosenById: userId, chosenAt: new Date() } });
  }
}
