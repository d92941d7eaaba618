import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineUseCase, type AccessFor } from "./use-case";

const run = async () => null;
const withProject = z.object({ projectId: z.uuid(), title: z.string() });
const withoutProject = z.object({ title: z.string() });

// These cases are checked by the compiler (npm test type-checks every test file); running them only builds the use cases.
describe("defineUseCase's types", () => {
  it("accepts project access when the input names the project", () => {
    const useCase = defineUseCase({ name: "probe.inProject", access: { kind: "project", permission: "project.read" }, input: withProject, write: false, run });
    expect(useCase.definition.access.kind).toBe("project");
  });

  it("refuses project access when the input has no projectId: the role would be read in no project", () => {
    const useCase = defineUseCase({
      name: "probe.noProject",
      // @ts-expect-error: "project" access needs a projectId in the input
      access: { kind: "project", permission: "project.read" },
      input: withoutProject,
      write: false,
      run,
    });
    expect(useCase.definition.name).toBe("probe.noProject");
  });

  it("leaves the other kinds of access free of the input's shape", () => {
    expectTypeOf<AccessFor<typeof withoutProject>["kind"]>().toEqualTypeOf<"user" | "admin" | "directory">();
    expectTypeOf<AccessFor<typeof withProject>["kind"]>().toEqualTypeOf<"user" | "admin" | "project" | "directory">();
  });

  it("keeps the HTTP declaration as written, so a client call is typed from it", () => {
    const response = z.object({ id: z.uuid() });
    const useCase = defineUseCase({
      name: "probe.http",
      access: { kind: "user" },
      input: withoutProject,
      write: false,
      http: { method: "get", path: "/probes/{probeId}", response },
      run,
    });
    type Declared = NonNullable<typeof useCase.definition.http>;
    expectTypeOf<Declared["path"]>().toEqualTypeOf<"/probes/{probeId}">();
    expectTypeOf<Declared["response"]>().toEqualTypeOf<typeof response>();
  });
});
