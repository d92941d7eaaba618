import type { ReactNode } from "react";
import { EmptyState } from "./empty-state";

type Props = { summary?: string; isEmpty: boolean; emptyMessage: string; children: ReactNode };

/** Under a list's filters: the count (announced when it changes) if the list has one, then the rows or an empty state. */
export function ListResults({ summary, isEmpty, emptyMessage, children }: Props) {
  return (
    <>
      {summary && (
        <p className="mb-2 text-sm text-slate-700" aria-live="polite">
          {summary}
        </p>
      )}
      {isEmpty ? <EmptyState message={emptyMessage} /> : children}
    </>
  );
}
