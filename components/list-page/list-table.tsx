import type { ReactNode } from "react";
import { Table, Th } from "@/components/ui/table";

/** A column's heading; `className` hides it on narrow screens, as its cells do. */
export type Column = string | { label: string; className?: string };

/** A list's table: its headings from `columns`, its rows as children. */
export function ListTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((column, index) => {
            const { label, className } = typeof column === "string" ? { label: column, className: undefined } : column;
            return (
              <Th key={index} className={className}>
                {label}
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </Table>
  );
}
