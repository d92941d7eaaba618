import { type RefObject, startTransition, useEffect, useRef, useState } from "react";

const firstScreen = 10;
const step = 20;

/**
 * How many rows of a check-in list to draw: a phone's screenful at first, then more each time the
 * end of the list comes within a screen of the view. A roster's hundred rows drawn as the screen
 * started made long tasks on a phone just when it became usable (issue 15); rows nobody has scrolled
 * to cost nothing now. `end` goes on an element right after the list.
 */
export function useRowsInView<T extends Element>(total: number): { shown: number; end: RefObject<T | null> } {
  const [shown, setShown] = useState(firstScreen);
  const end = useRef<T>(null);
  useEffect(() => {
    const target = end.current;
    if (!target || shown >= total) return;
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((s) => s.isIntersecting)) startTransition(() => setShown((n) => n + step));
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [shown, total]);
  return { shown, end };
}
