import { performance } from "node:perf_hooks";

export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

/** Runs `run` `samples` times after a warm-up, one at a time, prints p50 and p95, and returns p95 (ms). */
export async function measure(label: string, run: () => Promise<unknown>, samples: number) {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  console.log(`${label.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (${samples} requests)`);
  return percentile(times, 95);
}
