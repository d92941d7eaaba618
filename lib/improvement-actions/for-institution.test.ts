import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { createFinding } from "@/lib/findings/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { expectOk } from "@/lib/testing/helpers";
import { insertInstitution } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { getInstitutionStudyLinks } from "./for-institution";
import { createAction } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("an institution's findings and actions", () => {
  it("lists what it reported or is concerned by, and the actions it carries, in the user's projects; partners see no drafts", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
    const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
    const finding = (status: "draft" | "validated", role: "reported" | "concerned") =>
      createFinding(manager, {
        projectId: world.projectId,
        studyId: study.id,
        theme: "protection",
        status,
        title: { original: "es", es: `Hallazgo ${status}` },
        description: { original: "es", es: "x" },
        institutions: [{ institutionId: labour.id, role }],
      }).then(expectOk);
    const validated = await finding("validated", "concerned");
    const draft = await finding("draft", "reported");
    const action = expectOk(await createAction(manager, { projectId: world.projectId, title: "Protocolo", institutionIds: [labour.id], dueDate: "2020-01-31", status: "planned" }));
    const links = expectOk(await getInstitutionStudyLinks(manager, { institutionId: labour.id }));
    expect(links.findings.map((f) => [f.id, f.role])).toEqual([
      [validated.id, "concerned"],
      [draft.id, "reported"],
    ]);
    expect(links.actions.map((a) => [a.id, a.overdue])).toEqual([[action.id, true]]);
    const partner = expectOk(await getInstitutionStudyLinks(await world.ctx("partner"), { institutionId: labour.id }));
    expect(partner.findings.map((f) => f.id)).toEqual([validated.id]);
    expect(partner.actions).toHaveLength(1);
    expect(expectOk(await getInstitutionStudyLinks(await world.ctx("outsider"), { institutionId: labour.id }))).toEqual({ findings: [], actions: [] });
  });
});
