import fs from "node:fs";

/**
 * Chromium to drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else Playwright's own
 * download (undefined), so the same command works on CI and on a developer's laptop.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
