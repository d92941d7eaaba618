import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ListResults } from "@/components/ui/list-results";
import { Table, Td, Th } from "@/components/ui/table";

/**
 * One column of a list's table: its heading and how each row fills its cell, declared together so
 * a column hidden on narrow screens hides its heading and its cells alike.
 */
export type Column<Row> = {
  label: string;
  cell: (row: Row) => ReactNode;
  /** Classes of the heading and the cells, e.g. `hidden sm:table-cell` or `text-right`. */
  className?: string;
  /** Classes of the cells alone. */
  cellClassName?: string;
};

type Props<Row extends { id: string }> = {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowClassName?: (row: Row) => string | undefined;
  /** Said instead of the table when there are no rows; a paged list says it around the table instead (PagedList). */
  emptyMessage?: string;
};

/** A list's table: a heading per column, then a line per row. */
export function ListTable<Row extends { id: string }>({ caption, columns, rows, rowClassName, emptyMessage }: Props<Row>) {
  const table = (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((column) => (
            <Th key={column.label} className={column.className}>
              {column.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={rowClassName?.(row)}>
            {columns.map((column) => (
              <Td key={column.label} className={cn(column.className, column.cellClassName) || undefined}>
                {column.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
  if (emptyMessage === undefined) return table;
  return (
    <ListResults isEmpty={rows.length === 0} emptyMessage={emptyMessage}>
      {table}
    </ListResults>
  );
}
