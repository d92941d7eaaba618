import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { catalogues } from "./messages";

function flatKeys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => flatKeys(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]!))].sort();
}

describe("message catalogues", () => {
  const reference = flatKeys(catalogues.en).sort();

  for (const locale of locales) {
    it(`${locale} has exactly the keys of the others`, () => {
      expect(flatKeys(catalogues[locale]).sort()).toEqual(reference);
    });

    it(`${locale} uses the same placeholders as English and leaves no message empty`, () => {
      for (const key of reference) {
        const read = (l: typeof locale) => key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], catalogues[l]) as string;
        expect(read(locale).trim(), key).not.toBe("");
        expect(placeholders(read(locale)), key).toEqual(placeholders(read("en")));
      }
    });
  }
});

// Attributes whose text a person reads or hears; anything else (class names, ids, types) is code.
const textAttributes = new Set(["placeholder", "title", "alt", "aria-label", "label", "question", "confirmLabel", "cancelLabel", "message"]);
const hasLetters = (text: string) => /\p{L}/u.test(text);

function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && ts.isJsxElement(node.parent) && hasLetters(node.expression.text)) {
      found.push(node.expression.text);
    }
    if (ts.isJsxAttribute(node) && textAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && hasLetters(node.initializer.text)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("components", () => {
  const files = ["app", "components"].flatMap(tsxFiles);

  it("finds the interface's files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("hold no literal UI text: every word comes from the catalogues", () => {
    const offenders = files.flatMap((file) => literalTexts(file).map((text) => `${file}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it("the scanner catches literal text", () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atelier-probe-")), "probe.tsx");
    fs.writeFileSync(probe, `export const A = () => <p title="Hello">Bonjour <b>{"hola"}</b></p>;`);
    try {
      expect(literalTexts(probe).sort()).toEqual(["Bonjour", "hola", 'title="Hello"']);
    } finally {
      fs.rmSync(path.dirname(probe), { recursive: true });
    }
  });
});
