import type { ResultLevel } from "@/db/schema/values";

const byTrailingZeros: ResultLevel[] = ["output", "immediate", "intermediate", "ultimate"];

/**
 * Where a result sits by its GAC code: 1000 is the ultimate outcome, 1100 an intermediate outcome
 * under it, 1110 an immediate outcome under that, 1111 an output under that. Null for a code in
 * another numbering, whose place the code cannot tell.
 */
export function gacPlace(code: string): { level: ResultLevel; parentCode: string | null } | null {
  if (!/^[1-9]\d{3}$/.test(code)) return null;
  const zeros = Math.min(code.length - code.replace(/0+$/, "").length, 3);
  const level = byTrailingZeros[zeros]!;
  if (level === "ultimate") return { level, parentCode: null };
  const kept = 4 - zeros;
  return { level, parentCode: `${code.slice(0, kept - 1)}${"0".repeat(zeros + 1)}` };
}
