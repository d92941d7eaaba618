// The quick start: build the app, then serve it on http://localhost:3000 with the embedded
// database under .data/ and the demo data loaded (the demo logins are printed once it is up).
// A second run skips the build (about a minute on two cores) when the build in .next was made by
// this script from the same sources: it keeps a hash of the files git sees (tracked, and new ones
// not ignored) beside the build id it produced.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";

const node = process.execPath;
const next = "node_modules/next/dist/bin/next";
const port = process.env.PORT ?? "3000";
const stampFile = ".next/atelier-demo-sources.json";

// Tests, benchmarks and prose never reach the built app: editing them needs no new build.
const isOutsideBuild = (path) => /^(e2e|bench|\.ci)\//.test(path) || /\.(test\.tsx?|md)$/.test(path);

/** What a listed path holds: a file's bytes, a symbolic link's target, or a mark for one deleted since. */
function readEntry(path) {
  const entry = lstatSync(path, { throwIfNoEntry: false });
  if (!entry) return "\0deleted";
  if (entry.isSymbolicLink()) return `\0link ${readlinkSync(path)}`;
  return entry.isFile() ? readFileSync(path) : "\0other";
}

/** A hash of every source file's path and content, or null when git cannot list them. */
function hashSources() {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) return null;
  const paths = [...new Set(listed.stdout.split("\0").filter((path) => path && !isOutsideBuild(path)))].sort();
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(`${path}\0`);
    hash.update(readEntry(path));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const readBuildId = () => (existsSync(".next/BUILD_ID") ? readFileSync(".next/BUILD_ID", "utf8").trim() : null);

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return null;
  }
}

const sources = hashSources();
const stamp = readStamp();
// The build id must match too: a build made since by another script (npm run build, the e2e run)
// may come from other sources.
const isBuildCurrent = sources !== null && stamp?.sources === sources && stamp.buildId === readBuildId() && existsSync("public/sw.js");

if (isBuildCurrent) {
  console.log("Sources unchanged since the last build: serving it.");
} else {
  const build = spawnSync(node, ["scripts/build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (sources !== null) writeFileSync(stampFile, JSON.stringify({ sources, buildId: readBuildId() }));
}

const server = spawn(node, [next, "start", "-p", port], { stdio: "inherit", env: { ...process.env, ATELIER_DEMO: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
