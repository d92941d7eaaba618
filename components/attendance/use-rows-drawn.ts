import { startTransition, useEffect, useState } from "react";

const step = 20;

/**
 * How many rows of the check-in lists to draw now: a screenful first, then `step` more in each
 * following task until all `total` are drawn. A roster's hundred rows with their buttons drawn in one
 * commit made a long task on a phone just as the screen became usable (issue 15); in slices, a tap
 * or a keystroke waits for one slice at most.
 */
export function useRowsDrawn(total: number): number {
  const [drawn, setDrawn] = useState(step);
  useEffect(() => {
    if (drawn >= total) return;
    const next = setTimeout(() => startTransition(() => setDrawn((n) => n + step)), 0);
    return () => clearTimeout(next);
  }, [drawn, total]);
  return drawn;
}
