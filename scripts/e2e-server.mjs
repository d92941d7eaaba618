// Starts the built app for the end-to-end tests on a brand-new embedded database with demo data.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dataDir = path.join(".data", `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${path.join(dataDir, "pglite")}.lock`, { force: true });

const env = { ...process.env, ATELIER_DATA_DIR: dataDir, ATELIER_DEMO: "1", NODE_ENV: "production" };
delete env.DATABASE_URL;
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
