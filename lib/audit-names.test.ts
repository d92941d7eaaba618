import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessActions } from "@/db/schema";
import { allUseCases } from "./use-cases";

// Writes that no use case makes still name themselves <domain>.<verb>: setting a password from a
// sign-in link, asking for one when the password is forgotten, and the daily retention job's erasures (its run shares the name of retention.run).
const namesOutsideUseCases = ["auth.setPasswordWithLink", "auth.requestPasswordReset", "retention.erase"];
// The access log (who read personal data) has its own, fixed kinds of entry.
const accessLogKinds: readonly string[] = accessActions;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("audit entry names", () => {
  it("are each the name of the use case that records them", () => {
    const useCaseNames = new Set(allUseCases.map((u) => u.definition.name));
    const recorded = sourceFiles(path.join(import.meta.dirname)).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\baction(?::| =) "([a-zA-Z]+\.[a-zA-Z]+)"/g)].map((m) => ({ file: path.relative(import.meta.dirname, file), action: m[1]! })),
    );
    expect(recorded.length).toBeGreaterThan(40);
    const strays = recorded.filter(({ action }) => !useCaseNames.has(action) && !namesOutsideUseCases.includes(action) && !accessLogKinds.includes(action));
    expect(strays).toEqual([]);
  });
});
