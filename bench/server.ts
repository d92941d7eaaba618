// The built app for the HTTP benchmarks: built first if `.next` is missing, started with
// `next start` on BENCH_PORT (default 3200), and signed in to through its real sign-in page.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { chromiumArgs, findChromium } from "../e2e/support/browser";
import { benchPassword } from "./generate";

export const port = Number(process.env.BENCH_PORT ?? 3200);
export const base = `http://localhost:${port}`;

export function ensureBuilt() {
  if (fs.existsSync(".next/BUILD_ID")) return;
  console.log("Building the app…");
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the build failed");
}

export async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0001", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("The app did not start");
}

/** Stops the app and waits until it has exited: PGlite's folder is free only then. */
export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  await exited;
}

/** Signs in through the real sign-in page, in the page's browser context. */
export async function signInPage(page: Page, email: string, password = benchPassword): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Signs in through the real sign-in page and returns the session cookie header. */
export async function signIn(email: string, password = benchPassword): Promise<string> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await signInPage(page, email, password);
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
