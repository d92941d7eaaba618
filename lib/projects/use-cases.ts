import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { projects, type Project } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import { inProjectsWithRole } from "@/lib/authz";
import { can } from "@/lib/policy";
import { defineUseCase, type Page } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { projectIdInput } from "@/lib/zod-fields";
import { narrativeSearchText, narrativeSortKey } from "@/lib/narrative-sql";
import { containsPattern, sortable, toSearchText } from "@/lib/search-text";
import { createProjectInput, listProjectsInput, updateProjectInput } from "./schemas";
import { createProjectOutput, getProjectOutput, listProjectsOutput, updateProjectOutput } from "./responses";

const editableFields = ["code", "name", "country", "startDate", "endDate", "funder", "description", "status", "retentionYears", "legalHold"] as const;

export type ProjectSummary = Pick<Project, "id" | "code" | "name" | "country" | "startDate" | "endDate" | "status" | "funder">;

const summaryColumns = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  country: projects.country,
  startDate: projects.startDate,
  endDate: projects.endDate,
  status: projects.status,
  funder: projects.funder,
};

export const listProjects = defineUseCase({
  name: "projects.list",
  http: { method: "get", path: "/projects", response: listProjectsOutput },
  access: { kind: "user" },
  input: listProjectsInput,
  write: false,
  async run(ctx, input): Promise<Page<ProjectSummary>> {
    const filters: SQL[] = [];
    const own = inProjectsWithRole(ctx, projects.id, "project.read");
    if (own) filters.push(own);
    if (input.status) filters.push(eq(projects.status, input.status));
    if (input.q) {
      const pattern = containsPattern(toSearchText(input.q));
      filters.push(sql`${narrativeSearchText(projects.name)} || ' ' || ${sortable(projects.code)} || ' ' || ${sortable(projects.funder)} like ${pattern}`);
    }
    const where = filters.length ? and(...filters) : undefined;
    const order = input.dir === "asc" ? asc : desc;
    const [items, [total]] = await Promise.all([
      ctx.db
        .select(summaryColumns)
        .from(projects)
        .where(where)
        .orderBy(order(input.sort === "name" ? narrativeSortKey(projects.name, ctx.user.locale) : projects[input.sort]), asc(projects.code))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(projects).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

export const getProject = defineUseCase({
  name: "projects.get",
  http: { method: "get", path: "/projects/{projectId}", response: getProjectOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    const [project] = await ctx.db.select().from(projects).where(eq(projects.id, input.projectId)).limit(1);
    if (!project) throw new UseCaseError("not_found");
    return { project, access: ctx.access, canEdit: can(ctx.access, "project.edit") };
  },
});

export const createProject = defineUseCase({
  name: "projects.create",
  http: { method: "post", path: "/projects", status: 201, response: createProjectOutput },
  access: { kind: "admin" },
  input: createProjectInput,
  write: true,
  async run(ctx, input) {
    return insertAudited(ctx.db, ctx.user.id, projects, {
      values: input,
      audit: { action: "projects.create", entityType: "project", projectId: (project) => project.id, fields: editableFields },
    });
  },
});

export const updateProject = defineUseCase({
  name: "projects.update",
  http: { method: "patch", path: "/projects/{projectId}", response: updateProjectOutput },
  access: { kind: "project", permission: "project.edit" },
  input: updateProjectInput,
  write: true,
  async run(ctx, input) {
    const { projectId, version, ...fields } = input;
    const [before] = await ctx.db.select().from(projects).where(eq(projects.id, projectId)).limit(1);
    if (!before) throw new UseCaseError("not_found");
    return updateVersioned(ctx, projects, {
      before,
      version,
      set: fields,
      audit: { action: "projects.update", entityType: "project", projectId, fields: editableFields },
    });
  },
});
