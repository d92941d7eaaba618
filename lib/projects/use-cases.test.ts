import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEntries, projects, type Project } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { auditEntriesFor, countRows, ctxFor, expectFailure, expectOk, insertUser, snapshotCounts, uniqueTag, written } from "@/lib/testing/helpers";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import type { CreateProjectInput, ListProjectsInput } from "./schemas";
import { createProject, getProject, listProjects, updateProject } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

const projectForm = (overrides: Partial<CreateProjectInput> = {}): CreateProjectInput => ({
  code: `T-${uniqueTag()}`,
  name: written(`Test project ${uniqueTag()}`),
  country: "GT",
  startDate: "2024-01-01",
  endDate: "2024-12-31",
  funder: "Some funder",
  description: written("What the project is about"),
  status: "planned",
  ...overrides,
});

/** The edit form of a project as loaded, with some fields changed. */
const editForm = (project: Project, overrides: Partial<CreateProjectInput> = {}) => ({
  projectId: project.id,
  version: project.version,
  code: project.code,
  name: project.name,
  country: project.country,
  startDate: project.startDate,
  endDate: project.endDate,
  funder: project.funder,
  description: project.description,
  status: project.status,
  ...overrides,
});

async function create(overrides: Partial<CreateProjectInput> = {}) {
  return expectOk(await createProject(await world.ctx("admin"), projectForm(overrides)));
}

async function list(role: RoleName, input: ListProjectsInput = {}) {
  return expectOk(await listProjects(await world.ctx(role), input));
}

const writtenRows = () => snapshotCounts(world.db, { projects, auditEntries });

describe("createProject and getProject", () => {
  it("creates a project that can then be opened, with code and country upper-cased", async () => {
    const tag = uniqueTag();
    const created = await create({ code: ` hn-${tag} `, country: "hn", name: written("  Water for all  ") });
    expect(created).toMatchObject({ code: `HN-${tag.toUpperCase()}`, country: "HN", name: { original: "en", en: "Water for all" }, version: 1 });

    const { project, access, canEdit } = expectOk(await getProject(await world.ctx("admin"), { projectId: created.id }));
    expect(project).toEqual(created);
    expect(access).toBe("admin");
    expect(canEdit).toBe(true);
  });

  it("records the creation in the audit trail with every field", async () => {
    const created = await create();
    const [entry, ...others] = await auditEntriesFor(world.db, created.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "projects.create", entityType: "project", projectId: created.id, actorId: world.userIds.admin });
    expect(entry!.changes.name).toEqual({ before: null, after: created.name });
    expect(Object.keys(entry!.changes).sort()).toEqual(["code", "country", "description", "endDate", "funder", "legalHold", "name", "retentionYears", "startDate", "status"]);
  });

  it.each([
    ["an empty name", { name: written("  ") }, "name.en", "required"],
    ["an end before the start", { startDate: "2024-06-01", endDate: "2024-05-31" }, "endDate", "endBeforeStart"],
    ["a country that is not a two-letter code", { country: "Honduras" }, "country", "invalidFormat"],
    ["a code with spaces", { code: "AB 12" }, "code", "invalidFormat"],
    ["an unknown status", { status: "paused" as never }, "status", "invalidChoice"],
    ["a malformed date", { startDate: "01/02/2024" }, "startDate", "invalidDate"],
  ])("refuses %s and writes nothing", async (_label, overrides, field, key) => {
    const before = await writtenRows();
    const failure = expectFailure(await createProject(await world.ctx("admin"), projectForm(overrides)));
    expect(failure.error).toBe("invalid");
    expect(failure.fieldErrors?.[field]).toMatchObject({ key });
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses a code already in use, whatever its case, and writes nothing", async () => {
    const existing = await create();
    const before = await writtenRows();
    const result = await createProject(await world.ctx("admin"), projectForm({ code: existing.code.toLowerCase() }));
    expect(result).toEqual({ ok: false, error: "conflict" });
    expect(await writtenRows()).toEqual(before);
  });

  it("stores a description left blank in every language as none", async () => {
    const created = await create({ description: { original: "fr", fr: "  ", es: "", en: " " } });
    expect(created.description).toBeNull();
    const [stored] = await world.db.select({ description: projects.description }).from(projects).where(eq(projects.id, created.id));
    expect(stored!.description).toBeNull();
  });

  it.each([
    ["a name", { name: { original: "fr", en: "Only in English" } }, "name.fr"],
    ["a description", { description: { original: "es", fr: "Seulement en français" } }, "description.es"],
  ] as const)("refuses %s without its original language and writes nothing", async (_label, overrides, field) => {
    const before = await writtenRows();
    const failure = expectFailure(await createProject(await world.ctx("admin"), projectForm(overrides)));
    expect(failure).toMatchObject({ error: "invalid", fieldErrors: { [field]: { key: "required" } } });
    expect(await writtenRows()).toEqual(before);
  });

  it("answers not_found for a project that does not exist", async () => {
    const result = await getProject(await world.ctx("admin"), { projectId: crypto.randomUUID() });
    expect(result).toEqual({ ok: false, error: "not_found" });
  });
});

describe("listProjects", () => {
  it("shows a member only their own projects, and an admin every project", async () => {
    await create();
    const managerView = await list("manager");
    expect(managerView.items.map((p) => p.id)).toEqual([world.projectId]);
    expect(managerView.total).toBe(1);
    expect((await list("outsider")).items.map((p) => p.id)).toEqual([world.otherProjectId]);

    const adminView = await list("admin", { pageSize: 100 });
    expect(adminView.total).toBe(await countRows(world.db, projects));
    expect(adminView.items.map((p) => p.id)).toEqual(expect.arrayContaining([world.projectId, world.otherProjectId]));
  });

  it("shows a user with no project an empty list", async () => {
    const loner = await insertUser(world.db);
    expect(expectOk(await listProjects(await ctxFor(world.db, loner.id), {}))).toMatchObject({ items: [], total: 0 });
  });

  it("finds projects by name, code or funder, ignoring case", async () => {
    const tag = uniqueTag();
    const byName = await create({ name: written(`Mangrove ${tag} restoration`) });
    const byCode = await create({ code: `Z-${tag}` });
    const byFunder = await create({ funder: `Foundation ${tag}` });
    const expected = [byName.id, byCode.id, byFunder.id].sort();

    for (const q of [tag, tag.toUpperCase(), ` ${tag} `]) {
      const found = await list("admin", { q });
      expect(found.items.map((p) => p.id).sort()).toEqual(expected);
      expect(found.total).toBe(3);
    }
    expect((await list("admin", { q: `mangrove ${tag}` })).items.map((p) => p.id)).toEqual([byName.id]);
  });

  it("finds a project by its name in any language, accents and case aside", async () => {
    const tag = uniqueTag();
    const project = await create({ name: { original: "fr", fr: `Éducation ${tag} pour tous`, es: `Educación ${tag} para todos`, en: `Schooling ${tag} for all` } });
    for (const q of [`education ${tag} pour`, `EDUCACION ${tag} PARA`, `schooling ${tag}`]) {
      expect((await list("admin", { q })).items.map((p) => p.id)).toEqual([project.id]);
    }
  });

  it("treats % and _ in the search as plain characters", async () => {
    const underscored = await create({ name: written(`Ten_percent ${uniqueTag()}`) });
    expect((await list("admin", { q: "%" })).total).toBe(0);
    expect((await list("admin", { q: "_" })).items.map((p) => p.id)).toEqual([underscored.id]);
  });

  it("filters by status", async () => {
    const tag = uniqueTag();
    const active = await create({ name: written(`Status ${tag} a`), status: "active" });
    await create({ name: written(`Status ${tag} b`), status: "closed" });
    const found = await list("admin", { q: tag, status: "active" });
    expect(found.items.map((p) => p.id)).toEqual([active.id]);
    expect(found.total).toBe(1);
  });

  it("sorts and pages, keeping the total of all matches", async () => {
    const tag = uniqueTag();
    const [alpha, bravo, charlie] = [
      await create({ name: written(`Alpha ${tag}`), startDate: "2020-01-01" }),
      await create({ name: written(`Bravo ${tag}`), startDate: "2022-01-01" }),
      await create({ name: written(`Charlie ${tag}`), startDate: "2021-01-01" }),
    ];
    const names = async (input: ListProjectsInput) => (await list("admin", { q: tag, ...input })).items.map((p) => p.id);

    expect(await names({})).toEqual([bravo!.id, charlie!.id, alpha!.id]);
    expect(await names({ sort: "name", dir: "asc" })).toEqual([alpha!.id, bravo!.id, charlie!.id]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual([charlie!.id, bravo!.id, alpha!.id]);

    const page2 = await list("admin", { q: tag, sort: "name", dir: "asc", page: 2, pageSize: 1 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page2.items.map((p) => p.id)).toEqual([bravo!.id]);
    expect((await list("admin", { q: tag, page: 4, pageSize: 1 })).items).toEqual([]);
  });

  it("sorts by name in the reader's language, falling back on the original where it is not translated", async () => {
    const tag = uniqueTag();
    const apple = await create({ name: { original: "en", en: `Apple ${tag}`, es: `Zanahoria ${tag}` } });
    const banana = await create({ name: { original: "en", en: `Banana ${tag}`, es: `Banano ${tag}` } });
    const cherry = await create({ name: { original: "fr", fr: `Cerise ${tag}` } });
    const english = await insertUser(world.db, { isAdmin: true, locale: "en" });
    const spanish = await insertUser(world.db, { isAdmin: true, locale: "es" });
    const inOrder = async (userId: string) => expectOk(await listProjects(await ctxFor(world.db, userId), { q: tag, sort: "name", dir: "asc" })).items.map((p) => p.id);

    expect(await inOrder(english.id)).toEqual([apple.id, banana.id, cherry.id]);
    expect(await inOrder(spanish.id)).toEqual([banana.id, cherry.id, apple.id]);
  });

  it("refuses an unknown sort column", async () => {
    const failure = expectFailure(await listProjects(await world.ctx("admin"), { sort: "description" }));
    expect(failure).toMatchObject({ error: "invalid", fieldErrors: { sort: { key: "invalidChoice" } } });
  });
});

describe("updateProject", () => {
  it("saves the changes, bumps the version and upper-cases the code", async () => {
    const project = await create();
    const tag = uniqueTag();
    const updated = expectOk(await updateProject(await world.ctx("admin"), editForm(project, { name: written("Renamed"), code: `new-${tag}` })));
    expect(updated).toMatchObject({ name: { original: "en", en: "Renamed" }, code: `NEW-${tag.toUpperCase()}`, version: 2 });
    const { project: reloaded } = expectOk(await getProject(await world.ctx("admin"), { projectId: project.id }));
    expect(reloaded).toEqual(updated);
  });

  it("records only the fields that changed, with before and after", async () => {
    const project = await create({ status: "planned" });
    expectOk(await updateProject(await world.ctx("admin"), editForm(project, { name: written("Second name"), status: "active" })));
    const update = (await auditEntriesFor(world.db, project.id)).find((e) => e.action === "projects.update");
    expect(update).toMatchObject({ actorId: world.userIds.admin, projectId: project.id, entityType: "project" });
    expect(update!.changes).toEqual({
      name: { before: project.name, after: { original: "en", en: "Second name" } },
      status: { before: "planned", after: "active" },
    });
  });

  it("refuses an edit made on a stale version and changes nothing", async () => {
    const project = await create();
    const ctx = await world.ctx("admin");
    const first = expectOk(await updateProject(ctx, editForm(project, { name: written("First editor") })));
    const before = await writtenRows();

    const result = await updateProject(ctx, editForm(project, { name: written("Second editor") }));
    expect(result).toEqual({ ok: false, error: "stale" });
    expect(await writtenRows()).toEqual(before);
    expect(expectOk(await getProject(ctx, { projectId: project.id })).project).toEqual(first);
  });

  it("refuses to take a code another project uses, and changes nothing", async () => {
    const [taken, project] = [await create(), await create()];
    const before = await writtenRows();
    const result = await updateProject(await world.ctx("admin"), editForm(project, { code: taken.code }));
    expect(result).toEqual({ ok: false, error: "conflict" });
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses invalid input with field errors and changes nothing", async () => {
    const project = await create();
    const before = await writtenRows();
    const failure = expectFailure(await updateProject(await world.ctx("admin"), editForm(project, { name: written(""), endDate: "2023-01-01" })));
    expect(failure).toMatchObject({
      error: "invalid",
      fieldErrors: { "name.en": { key: "required" }, endDate: { key: "endBeforeStart" } },
    });
    expect(await writtenRows()).toEqual(before);
  });
});
