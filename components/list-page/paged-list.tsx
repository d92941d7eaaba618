import type { ReactNode } from "react";
import { ListResults } from "@/components/ui/list-results";
import { Pagination } from "@/components/ui/pagination";
import { type Column, ListTable } from "./list-table";

type Page<Item> = { items: readonly Item[]; page: number; pageSize: number; total: number };

type Props = {
  page: Page<unknown>;
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

type TableProps<Row extends { id: string }> = Omit<Props, "page" | "children"> & { page: Page<Row>; caption: string; columns: Column<Row>[] };

/** One page of a list shown as a table: PagedList around a ListTable of the page's rows. */
export function PagedTable<Row extends { id: string }>({ page, caption, columns, ...list }: TableProps<Row>) {
  return (
    <PagedList page={page} {...list}>
      <ListTable caption={caption} columns={columns} rows={page.items} />
    </PagedList>
  );
}
