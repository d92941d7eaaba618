import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Scrolls sideways on a phone instead of squeezing columns; focusable so the keyboard can scroll it. */
export function Table({ className, caption, children, ...props }: ComponentProps<"table"> & { caption: string }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
      <table className={cn("data-table w-full border-collapse text-left text-sm", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th(props: ComponentProps<"th">) {
  return <th scope="col" {...props} />;
}

export function Td(props: ComponentProps<"td">) {
  return <td {...props} />;
}
