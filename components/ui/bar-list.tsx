/**
 * A horizontal bar per item, longest first as given: the figure is written out beside each bar,
 * so the chart reads on a phone and to a screen reader alike.
 */
export function BarList({ label, items, empty }: { label: string; items: { label: string; value: number }[] /** Said when there is nothing to chart. */; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {items.map((item) => (
        <li key={item.label} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-2 text-sm">
          <span className="truncate">{item.label}</span>
          <span className="font-semibold tabular-nums">{item.value}</span>
          <span aria-hidden className="col-span-2 h-2 rounded bg-slate-100">
            <span className="block h-2 rounded bg-teal-700" style={{ width: `${(100 * item.value) / max}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
