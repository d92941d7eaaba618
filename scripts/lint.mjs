// The lint step of `npm test` (and `npm run lint`): Biome's lint rules and formatting check, then
// the import rules of .dependency-cruiser.cjs, then the cycles between lib's folders. Exits non-zero
// on any finding. `npm run format` writes the formatting Biome asks for.
import { spawnSync } from "node:child_process";
import { format } from "dependency-cruiser";

const node = process.execPath;
const sources = ["app", "components", "lib", "db", "bench", "scripts", "e2e", "proxy.ts", "instrumentation.ts"];
let failed = false;

const biome = spawnSync(node, ["node_modules/@biomejs/biome/bin/biome", "check", "--error-on-warnings", "."], { stdio: "inherit" });
if (biome.status !== 0) failed = true;

const cruise = spawnSync(node, ["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", "--config", ".dependency-cruiser.cjs", "--output-type", "json", ...sources], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
if (cruise.error || !cruise.stdout) {
  console.error(cruise.stderr || cruise.error);
  process.exit(1);
}
const result = JSON.parse(cruise.stdout);
const report = await format(result, { outputType: "err" });
process.stdout.write(report.output);
if (report.exitCode !== 0) failed = true;

const cycles = libFolderCycles(result.modules);
for (const cycle of cycles) console.error(`\n  error lib-folder-cycle: ${cycle.join("\n      → ")}`);
if (cycles.length > 0) {
  console.error(`\nx ${cycles.length} import cycle(s) between lib's folders: a folder that imports another must not be imported back by it, directly or through other modules.\n`);
  failed = true;
}

process.exit(failed ? 1 : 0);

/**
 * Import cycles between lib's folders (lib/a/* → … → lib/b/* → … → lib/a/*), through any other
 * module on the way. Each folder of lib counts as one node; every other module, lib's top-level
 * files included, stays itself, so a shared module such as lib/use-case.ts ties no folders together
 * unless its own imports do. Tests, lib/testing and the runners (seed, bench, scripts, e2e) import
 * across domains on purpose and are left out. Returns one shortest cycle per knot, each step with
 * an import that makes it.
 */
function libFolderCycles(modules) {
  const isLeftOut = (path) => /\.test\.tsx?$|^lib\/testing\/|^db\/seed\/|^(bench|scripts|e2e)\/|node_modules\//.test(path);
  const nodeOf = (path) => path.match(/^lib\/[^/]+\//)?.[0] ?? path;
  const isFolder = (node) => node.endsWith("/");
  const edges = new Map();
  for (const module of modules) {
    if (isLeftOut(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (!dependency.resolved || dependency.coreModule || isLeftOut(dependency.resolved)) continue;
      const [from, to] = [nodeOf(module.source), nodeOf(dependency.resolved)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} → ${dependency.resolved}`);
    }
  }
  const next = (node) => [...(edges.get(node)?.keys() ?? [])];
  const cycles = [];
  for (const knot of stronglyConnected([...edges.keys()], next)) {
    const start = knot.filter(isFolder).sort()[0];
    if (knot.length < 2 || !start) continue;
    const path = shortestPathBack(start, next, new Set(knot));
    const folders = knot.filter(isFolder).sort();
    const steps = path.slice(0, -1).map((node, i) => `${node}  (${edges.get(node).get(path[i + 1])})`);
    cycles.push([...steps, `${start}\n    (the knot ties ${folders.length} folders: ${folders.join(" ")})`]);
  }
  return cycles;
}

/** Tarjan's strongly connected components of the graph given by its nodes and their successors. */
function stronglyConnected(nodes, next) {
  let index = 0;
  const indices = new Map();
  const lowest = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    indices.set(node, index);
    lowest.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const successor of next(node)) {
      if (!indices.has(successor)) {
        visit(successor);
        lowest.set(node, Math.min(lowest.get(node), lowest.get(successor)));
      } else if (onStack.has(successor)) {
        lowest.set(node, Math.min(lowest.get(node), indices.get(successor)));
      }
    }
    if (lowest.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of nodes) if (!indices.has(node)) visit(node);
  return components;
}

/** The shortest path from start back to start inside one component, found breadth first. */
function shortestPathBack(start, next, within) {
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const successor of next(node)) {
      if (!within.has(successor)) continue;
      if (successor === start) {
        const path = [];
        for (let step = node; step !== start; step = previous.get(step)) path.unshift(step);
        return [start, ...path, start];
      }
      if (!previous.has(successor)) {
        previous.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return [start, start];
}
