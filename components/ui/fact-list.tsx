import type { ReactNode } from "react";
import { cn } from "./cn";

export type Fact = { label: string; value: ReactNode };

/** A record's facts as label/value pairs, in columns from a tablet up. */
export function FactList({ facts, className }: { facts: Fact[]; className?: string }) {
  return (
    <dl className={cn("grid gap-x-6 gap-y-3 sm:grid-cols-2", className)}>
      {facts.map((f) => (
        <div key={f.label}>
          <dt className="text-sm text-slate-600">{f.label}</dt>
          <dd className="break-words font-medium">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
