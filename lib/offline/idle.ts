/**
 * Runs `task` once the page has loaded and the main thread is idle (at most `timeout` ms later), so
 * start-up work that the first screen does not need leaves it responsive. Returns a cancel function.
 */
export function afterLoadWhenIdle(task: () => void, timeout = 2000): () => void {
  let cancelIdle = () => {};
  const schedule = () => {
    // Safari has no requestIdleCallback: a short timer after the load event is the nearest it offers.
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(task, { timeout });
      cancelIdle = () => window.cancelIdleCallback(id);
    } else {
      const id = setTimeout(task, 200);
      cancelIdle = () => clearTimeout(id);
    }
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    cancelIdle();
  };
}
