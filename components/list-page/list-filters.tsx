import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FilterActions } from "@/components/ui/filter-actions";

type Props = { resetHref: string; hasFilters: boolean; className?: string; children: ReactNode };

/**
 * A list's filter form: its fields go to the URL (a GET form), then apply and, when the list is
 * narrowed, clear. `className` sets the grid's columns for the page's fields.
 */
export function ListFilters({ resetHref, hasFilters, className, children }: Props) {
  return (
    <form method="get" role="search" className={cn("mb-4 grid gap-3", className)}>
      {children}
      <FilterActions resetHref={resetHref} hasFilters={hasFilters} />
    </form>
  );
}
