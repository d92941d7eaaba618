import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonNamespaces, pickMessages } from "./client-namespaces";
import { catalogues } from "./messages";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const resolveImport = (from: string, specifier: string): string | undefined => {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ending) => base + ending).find((file) => /\.tsx?$/.test(file) && fs.existsSync(file) && fs.statSync(file).isFile());
};

type Module = { usesClient: boolean; imports: string[]; namespaces: string[] };
const modules = new Map<string, Module>();

/** A module's value imports (type-only ones never run), whether it says "use client", and the namespaces it reads with next-intl's hooks. */
function readModule(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
  const module = {
    usesClient: /^["']use client["']/m.test(text),
    imports: specifiers.map((s) => resolveImport(file, s)).filter((f) => f !== undefined),
    namespaces: [...text.matchAll(/useTranslations\(\s*(?:"([\w.]*)")?\s*\)|useMessages\(\)\??\.(\w+)/g)].map((m) => (m[1] ?? m[2] ?? "").split(".")[0]!),
  };
  modules.set(file, module);
  return module;
}

/**
 * The namespaces the browser needs for a route file: those read by the client modules it renders.
 * A module runs in the browser when it says "use client" or a client module imports it (the form
 * message, a hook); the server modules in between are followed to reach them.
 */
function clientReads(entry: string): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, onClient: boolean) => {
    const key = `${onClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const module = readModule(file);
    const client = onClient || module.usesClient;
    if (client) for (const namespace of module.namespaces) reads.set(namespace, [...(reads.get(namespace) ?? []), file]);
    for (const imported of module.imports) walk(imported, client);
  };
  walk(entry, false);
  return reads;
}

/** The namespaces a page sends on top of the common ones: `<PageMessages namespaces={[…]}>`, the same on each of its returns. */
function declared(file: string): string[][] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/<PageMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].map((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((n) => n[1]!));
}

const common: readonly string[] = commonNamespaces;
const routeFiles = sourceFiles("app").filter((file) => /^(page|layout|template|error|global-error|not-found|loading|default)\.tsx$/.test(path.basename(file)));
const pages = routeFiles.filter((file) => path.basename(file) === "page.tsx");
const frames = routeFiles.filter((file) => path.basename(file) !== "page.tsx");

const missing = (reads: Map<string, string[]>, sent: readonly string[]) =>
  [...reads].filter(([namespace]) => !sent.includes(namespace)).map(([namespace, files]) => ({ namespace, files }));

describe("the messages sent to the browser", () => {
  // The older, file-by-file view: every module that may run in the browser and reads a namespace.
  const isClientModule = (file: string, text: string) => /^["']use client["']/m.test(text) || file.startsWith(`components${path.sep}`);
  const read = ["app", "components", "lib"].flatMap(sourceFiles).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    if (!isClientModule(file, text)) return [];
    return readModule(file).namespaces.map((namespace) => ({ file, namespace }));
  });

  it("finds the client components' namespaces and the pages", () => {
    expect(read.length).toBeGreaterThan(20);
    expect(pages.length).toBeGreaterThan(50);
  });

  it("maps every client component that reads messages to a route that renders it", () => {
    const reached = new Set(routeFiles.flatMap((file) => [...clientReads(file).values()].flat()));
    expect([...new Set(read.map(({ file }) => file))].filter((file) => !reached.has(file))).toEqual([]);
  });

  it("hold, in the layouts and error pages, only the common namespaces", () => {
    expect(frames.flatMap((file) => missing(clientReads(file), common).map((m) => ({ file, ...m })))).toEqual([]);
  });

  it("hold, on each page, every namespace its client components read", () => {
    const short = pages.flatMap((page) => {
      const declarations = declared(page);
      expect(new Set(declarations.map((d) => d.join())).size, page).toBeLessThanOrEqual(1);
      return missing(clientReads(page), [...common, ...(declarations[0] ?? [])]).map((m) => ({ page, ...m }));
    });
    expect(short).toEqual([]);
  });

  it("are, on each page, no more than its client components read", () => {
    const extra = pages.flatMap((page) => {
      const reads = clientReads(page);
      return (declared(page)[0] ?? []).filter((namespace) => common.includes(namespace) || !reads.has(namespace)).map((namespace) => ({ page, namespace }));
    });
    expect(extra).toEqual([]);
  });

  it("are the common namespaces and the page's own, whole, and nothing else", () => {
    const sent = pickMessages(catalogues.fr, ["checkIn"]);
    expect(Object.keys(sent).sort()).toEqual([...commonNamespaces, "checkIn"].sort());
    expect(sent.checkIn).toEqual(catalogues.fr.checkIn);
    expect(Object.keys(pickMessages(catalogues.fr)).sort()).toEqual([...commonNamespaces].sort());
  });
});
