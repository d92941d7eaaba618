import { toSearchText } from "@/lib/search-text";
import { scaleWording, type ScaleSize } from "./scale-wording";

// The choice names survey designers usually give those levels (what an export "with XML values" holds).
const choiceNames: Record<ScaleSize, string[][]> = {
  5: [["strongly_disagree"], ["disagree"], ["neutral", "neither", "neither_agree_nor_disagree"], ["agree"], ["strongly_agree"]],
  4: [["strongly_disagree"], ["disagree"], ["agree"], ["strongly_agree"]],
};

const comparable = (text: string) => toSearchText(text.replace(/[_’']/g, " "));

/**
 * The level a survey file's cell stands for: a whole number, or a level's wording in any of the
 * three languages or its usual choice name, case and accents aside. `null` when it is none of them.
 */
export function levelOf(cell: string, scaleSize: number): number | null {
  const number = Number(cell);
  // "4", "4.0" and " 4 " are level 4; "3.5" is no level.
  if (cell.trim() !== "" && Number.isFinite(number)) return Number.isInteger(number) ? number : null;
  const wanted = comparable(cell);
  const size = scaleSize as ScaleSize;
  for (let i = 0; i < size; i++) {
    const names = [...Object.values(scaleWording[size]).map((words) => words[i]!), ...choiceNames[size][i]!];
    if (names.some((name) => comparable(name) === wanted)) return i + 1;
  }
  return null;
}
