import { toSearchText } from "@/lib/search-text";

/** A survey export's header, as a name to match: Kobo joins groups with "/" (`evaluation/q1_vulnerability`). */
const lastPart = (header: string) => toSearchText(header.split("/").pop() ?? header);

export type ResponseMapping = { group: number | null; externalId: number | null; statements: Record<string, number | null> };

/**
 * The likely columns of a survey export (KoboToolbox's layout first): a statement's column is
 * named after its key, the group's after "group" in any of the three languages, and `_uuid` is
 * the submission id that makes a re-import add no one twice.
 */
export function guessResponseMapping(headers: string[], statementKeys: string[]): ResponseMapping {
  const find = (test: (name: string) => boolean) => {
    const index = headers.findIndex((h) => test(lastPart(h)));
    return index === -1 ? null : index;
  };
  return {
    group: find((n) => ["group", "groupe", "grupo", "respondent_group", "grupo_encuestado"].includes(n)),
    externalId: find((n) => n === "_uuid"),
    statements: Object.fromEntries(statementKeys.map((key) => [key, find((n) => n === toSearchText(key))])),
  };
}
