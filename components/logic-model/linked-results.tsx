import Link from "next/link";
import { NarrativeText } from "@/components/narrative-text";
import type { Narrative } from "@/db/schema";

/** The results of the logic model a record is linked to, each opening its page; a dash when none. */
export function LinkedResults({ projectId, results }: { projectId: string; results: { id: string; code: string; statement: Narrative }[] }) {
  if (results.length === 0) return <>—</>;
  return (
    <ul className="flex flex-col gap-1 font-normal">
      {results.map((r) => (
        <li key={r.id}>
          <Link href={`/projects/${projectId}/logic-model/${r.id}`} className="underline">
            <span className="font-mono font-semibold">{r.code}</span> <NarrativeText text={r.statement} as="title" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
