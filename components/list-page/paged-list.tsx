import type { ReactNode } from "react";
import { ListResults } from "@/components/ui/list-results";
import { Pagination } from "@/components/ui/pagination";

type Page = { items: readonly unknown[]; page: number; pageSize: number; total: number };

type Props = {
  page: Page;
  summary?: string;
  emptyMessage: string;
  /** The list's path and the filters to keep when turning the page. */
  basePath: string;
  params: Record<string, string | undefined>;
  children: ReactNode;
};

/** One page of a list: the count, the rows (or the empty state), and the pager. */
export function PagedList({ page, summary, emptyMessage, basePath, params, children }: Props) {
  return (
    <>
      <ListResults summary={summary} isEmpty={page.items.length === 0} emptyMessage={emptyMessage}>
        {children}
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={basePath} params={params} />
    </>
  );
}
