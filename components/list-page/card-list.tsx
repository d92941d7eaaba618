import Link from "next/link";
import type { ReactNode } from "react";
import { ListResults } from "@/components/ui/list-results";

type Props<Item extends { id: string }> = {
  items: readonly Item[];
  emptyMessage: string;
  href: (item: Item) => string;
  title: (item: Item) => ReactNode;
  /** The line under the title. */
  details: (item: Item) => ReactNode;
};

/** A short list of records as cards, each its title as a link and a line of details, or the empty state. */
export function CardList<Item extends { id: string }>({ items, emptyMessage, href, title, details }: Props<Item>) {
  return (
    <ListResults isEmpty={items.length === 0} emptyMessage={emptyMessage}>
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={href(item)} className="text-lg font-medium">
              {title(item)}
            </Link>
            <p className="text-sm text-slate-700">{details(item)}</p>
          </li>
        ))}
      </ul>
    </ListResults>
  );
}
