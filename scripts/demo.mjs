// The quick start: build the app, then serve it on http://localhost:3000 with the embedded
// database under .data/ and the demo data loaded (the demo logins are printed once it is up).
import { spawn, spawnSync } from "node:child_process";

const node = process.execPath;
const next = "node_modules/next/dist/bin/next";
const port = process.env.PORT ?? "3000";

const build = spawnSync(node, ["scripts/build.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(node, [next, "start", "-p", port], { stdio: "inherit", env: { ...process.env, ATELIER_DEMO: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
