// Latency of the built app at a human pace, shared by the HTTP benchmarks.
import { performance } from "node:perf_hooks";
import { percentile } from "./measure";
import { base } from "./server";

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);

export type Figures = { label: string; rps: number; p50: number; p90: number; p95?: number; p97_5: number; p99: number; errors: number };
export type Request = () => { method: "GET" | "POST"; path: string; body?: string };

async function send(request: Request, cookie: string): Promise<Response> {
  const next = request();
  const response = await fetch(`${base}${next.path}`, { method: next.method, body: next.body, headers: { cookie, origin: base, "content-type": "application/json" } });
  await response.arrayBuffer();
  return response;
}

/** Next loads each route's code on its first request: every route is sent this before it is measured. */
export async function warmUp(routes: [Request, string][], times = 20) {
  for (const [request, cookie] of routes) {
    for (let i = 0; i < times; i++) await send(request, cookie);
  }
}

/**
 * People at work rather than a flood: each client waits a random think time (exponential, mean
 * `thinkMs`), sends one request, waits for the answer, and so on. Every latency is kept, so the
 * 95th percentile is exact.
 */
export async function atPace(label: string, clients: number, thinkMs: number, request: Request, cookie: string): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * thinkMs));
      const start = performance.now();
      const response = await send(request, cookie);
      latencies.push(performance.now() - start);
      if (!response.ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const figures = {
    label,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p95: percentile(latencies, 95),
    p97_5: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    errors,
  };
  console.log(
    `  ${label.padEnd(40)} ${String(clients).padStart(3)} clients, ~${(thinkMs / 1000).toFixed(1)} s apart  ${figures.rps.toFixed(1).padStart(6)} req/s   p50 ${figures.p50.toFixed(0).padStart(4)} ms  p95 ${figures.p95.toFixed(0).padStart(4)} ms  p99 ${figures.p99.toFixed(0).padStart(4)} ms${errors ? `  (${errors} failed)` : ""}`,
  );
  return figures;
}

/** "p95 … ms met" or "NOT met" (a failed request fails the target too). */
export const verdict = (figures: Figures, target: number) => `p95 ${figures.p95!.toFixed(0)} ms ${figures.p95! < target && !figures.errors ? "met" : "NOT met"}`;
