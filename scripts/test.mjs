// The one test command: lint (Biome, formatting, the layers and import cycles; fast, so first),
// then unit and integration tests on PGlite (and on PostgreSQL when
// DATABASE_URL is set), then a production build driven by Playwright in Chromium.
import { spawnSync } from "node:child_process";

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

const node = process.execPath;
run("Lint: Biome's rules and formatting, the layers and import cycles", node, ["scripts/lint.mjs"]);
run("Type check", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
run("Integration tests on PGlite", node, ["node_modules/vitest/vitest.mjs", "run"], { TEST_DATABASE_URL: "" });
if (process.env.DATABASE_URL) {
  run("Integration tests on PostgreSQL", node, ["node_modules/vitest/vitest.mjs", "run"], { TEST_DATABASE_URL: process.env.DATABASE_URL });
}
run("Production build", node, ["scripts/build.mjs"], { DATABASE_URL: "" });
run("End-to-end tests in Chromium", node, ["node_modules/@playwright/test/cli.js", "test"], { DATABASE_URL: "" });
console.log("\n✔ All tests passed");
