import type { ReactNode } from "react";

const tones = { neutral: "bg-slate-100 text-slate-800", danger: "bg-red-100 text-red-900" };

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: keyof typeof tones }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
