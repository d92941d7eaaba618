import { useFormatter, useTranslations } from "next-intl";
import type { ProgressStatus } from "@/lib/indicators/progress";
import { cn } from "@/components/ui/cn";

const tone: Record<ProgressStatus, string> = {
  on_track: "bg-emerald-100 text-emerald-900",
  behind: "bg-amber-100 text-amber-900",
  no_data: "bg-slate-100 text-slate-700",
};

/** The actual as a percent of the target, with a mark in words (not colour alone): on track, behind, no data. */
export function ProgressMark({ percent, status }: { percent: number | null; status: ProgressStatus }) {
  const t = useTranslations("indicators");
  const format = useFormatter();
  return (
    <span className="flex flex-wrap items-center gap-2">
      {percent !== null && <span>{format.number(percent / 100, { style: "percent" })}</span>}
      <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", tone[status])}>{t(`progress.${status}`)}</span>
    </span>
  );
}
