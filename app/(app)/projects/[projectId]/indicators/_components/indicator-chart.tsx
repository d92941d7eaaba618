"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { period: string; target: number | null; actual: number | null };

/** Actual against target over the periods, as bars; hidden from screen readers and the keyboard, as the table beside it holds the same figures. */
export function IndicatorChart({ points, percent }: { points: Point[]; percent: boolean }) {
  const t = useTranslations("indicators");
  return (
    <figure className="mb-4 h-64 w-full rounded-md border border-slate-200 bg-white p-2" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} domain={percent ? [0, 100] : [0, "auto"]} allowDecimals={!percent} />
          <Tooltip />
          <Legend />
          <Bar dataKey="target" name={t("target")} fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="actual" name={t("actualShort")} fill="#115e59" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
