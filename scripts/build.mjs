// The production build: Next.js, then the service worker from the build's file list (app/sw.ts,
// serwist.config.js). Every script that serves the built app builds through this one.
import { spawnSync } from "node:child_process";

const steps = [
  ["node_modules/next/dist/bin/next", "build"],
  ["node_modules/@serwist/cli/cli.js", "build"],
];
for (const args of steps) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
