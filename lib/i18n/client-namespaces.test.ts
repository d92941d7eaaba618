import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, clientNamespaces } from "./client-namespaces";
import { catalogues } from "./messages";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// A component's module may run in the browser when it says "use client" or sits in components/
// (shared pieces such as the form message are imported by client components without the directive).
const isClientModule = (file: string, text: string) => /^["']use client["']/m.test(text) || file.startsWith(`components${path.sep}`);

describe("the messages sent to the browser", () => {
  const read = ["app", "components", "lib"].flatMap(sourceFiles).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    if (!isClientModule(file, text)) return [];
    const namespaces = [...text.matchAll(/useTranslations\(\s*(?:"([\w.]*)")?\s*\)|useMessages\(\)\??\.(\w+)/g)].map((m) => (m[1] ?? m[2] ?? "").split(".")[0]!);
    return namespaces.map((namespace) => ({ file, namespace }));
  });

  it("finds the client components' namespaces", () => {
    expect(read.length).toBeGreaterThan(20);
  });

  it("hold every namespace a client component reads", () => {
    const missing = read.filter(({ namespace }) => !(clientNamespaces as readonly string[]).includes(namespace));
    expect(missing).toEqual([]);
  });

  it("are the listed namespaces, whole, and nothing else", () => {
    const sent = clientMessages(catalogues.fr);
    expect(Object.keys(sent).sort()).toEqual([...clientNamespaces].sort());
    expect(sent.checkIn).toEqual(catalogues.fr.checkIn);
  });
});
