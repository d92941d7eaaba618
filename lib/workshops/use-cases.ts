import { and, asc, count, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { attendance, attendanceExcuses, institutions, missions, workshopAgenda, workshopInvitations, workshops, type Workshop } from "@/db/schema";
import { changeOf } from "@/lib/audit";
import { assertInstitutions } from "@/lib/institutions/queries";
import { assertResultsLinkable, linkedResultIds, linkedResults, resultLinksChange, writeResultLinks } from "@/lib/result-links/links";
import { visibleMissions } from "@/lib/missions/queries";
import { fileTypes } from "@/lib/http/declaration";
import { UseCaseError } from "@/lib/result";
import { containsPattern, sortable, toSearchText } from "@/lib/search-text";
import { can } from "@/lib/policy";
import { defineUseCase, type Page, type UseCaseCtx } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { workshopDays } from "./days";
import { createWorkshopInput, listWorkshopsInput, updateWorkshopInput, workshopIdInput } from "./schemas";
import { createWorkshopOutput, getWorkshopOutput, listWorkshopsOutput, updateWorkshopOutput } from "./responses";
import { loadWorkshop, workshopSummaryColumns } from "./queries";

const editableFields = ["missionId", "title", "type", "city", "venue", "startDate", "endDate", "language", "facilitators", "expectedParticipants", "status", "minutes"] as const;

export type WorkshopSummary = Pick<Workshop, "id" | "title" | "type" | "city" | "startDate" | "endDate" | "status" | "language">;

export const listWorkshops = defineUseCase({
  name: "workshops.list",
  http: { method: "get", path: "/projects/{projectId}/workshops", response: listWorkshopsOutput },
  access: { kind: "project", permission: "project.read" },
  input: listWorkshopsInput,
  write: false,
  async run(ctx, input): Promise<Page<WorkshopSummary>> {
    const filters: SQL[] = [eq(workshops.projectId, input.projectId)];
    if (input.q) {
      const pattern = containsPattern(toSearchText(input.q));
      filters.push(or(sql`${sortable(workshops.title)} like ${pattern}`, sql`${sortable(workshops.venue)} like ${pattern}`)!);
    }
    if (input.missionId) filters.push(eq(workshops.missionId, input.missionId));
    if (input.type) filters.push(eq(workshops.type, input.type));
    if (input.status) filters.push(eq(workshops.status, input.status));
    if (input.city) filters.push(sql`${sortable(workshops.city)} like ${containsPattern(toSearchText(input.city))}`);
    // A period keeps the workshops that overlap it.
    if (input.from) filters.push(gte(workshops.endDate, input.from));
    if (input.to) filters.push(lte(workshops.startDate, input.to));
    const where = and(...filters);
    const order = input.dir === "asc" ? asc : desc;
    const sortColumn = input.sort === "startDate" ? workshops.startDate : sortable(workshops[input.sort]);
    const [items, [total]] = await Promise.all([
      ctx.db
        .select({ ...workshopSummaryColumns, language: workshops.language })
        .from(workshops)
        .where(where)
        .orderBy(order(sortColumn), asc(workshops.title), asc(workshops.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(workshops).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

export const getWorkshop = defineUseCase({
  name: "workshops.get",
  http: [
    { method: "get", path: "/projects/{projectId}/workshops/{workshopId}", response: getWorkshopOutput },
    // The same workshop as one calendar event (app/api/v1/…/calendar/route.ts builds the file).
    { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/calendar", response: { file: [fileTypes.ics] } },
  ],
  access: { kind: "project", permission: "project.read" },
  input: workshopIdInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const [invited, agenda, mission, outputs] = await Promise.all([
      ctx.db
        .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym, sector: institutions.sector })
        .from(workshopInvitations)
        .innerJoin(institutions, eq(institutions.id, workshopInvitations.institutionId))
        .where(eq(workshopInvitations.workshopId, workshop.id))
        .orderBy(asc(sortable(institutions.name))),
      ctx.db
        .select({ day: workshopAgenda.day, agenda: workshopAgenda.agenda })
        .from(workshopAgenda)
        .where(eq(workshopAgenda.workshopId, workshop.id))
        .orderBy(asc(workshopAgenda.day)),
      workshop.missionId && can(ctx.access, "missions.read")
        ? ctx.db
            .select({ id: missions.id, title: missions.title })
            .from(missions)
            .where(and(eq(missions.id, workshop.missionId), visibleMissions(ctx)))
        : Promise.resolve([]),
      linkedResults(ctx, "workshop", workshop.id),
    ]);
    // Field staff see the mission only if they travel on it, as on the missions pages.
    const visibleMission = mission[0] ?? null;
    return {
      // Partners follow workshops through their figures; the team's minutes and missions are internal.
      workshop: { ...workshop, minutes: can(ctx.access, "workshops.readMinutes") ? workshop.minutes : "", missionId: visibleMission ? workshop.missionId : null },
      mission: visibleMission,
      days: workshopDays(workshop.startDate, workshop.endDate),
      invited,
      agenda,
      outputs,
      canEdit: can(ctx.access, "workshops.edit"),
      canCheckIn: can(ctx.access, "attendance.record"),
      canSeeCertificates: can(ctx.access, "participants.read"),
    };
  },
});

async function assertMission(ctx: UseCaseCtx, projectId: string, missionId: string | null) {
  if (!missionId) return;
  const [row] = await ctx.db
    .select({ id: missions.id })
    .from(missions)
    .where(and(eq(missions.id, missionId), eq(missions.projectId, projectId)));
  if (!row) throw new UseCaseError("invalid", { missionId: { key: "unknownMission" } });
}

async function writeInvitationsAndAgenda(ctx: UseCaseCtx, workshopId: string, institutionIds: string[], agenda: { day: string; agenda: string }[]) {
  await ctx.db.delete(workshopInvitations).where(eq(workshopInvitations.workshopId, workshopId));
  const unique = [...new Set(institutionIds)];
  if (unique.length) await ctx.db.insert(workshopInvitations).values(unique.map((institutionId) => ({ workshopId, institutionId })));
  await ctx.db.delete(workshopAgenda).where(eq(workshopAgenda.workshopId, workshopId));
  const days = new Map(agenda.filter((a) => a.agenda).map((a) => [a.day, a.agenda]));
  if (days.size) await ctx.db.insert(workshopAgenda).values([...days].map(([day, text]) => ({ workshopId, day, agenda: text })));
}

export const createWorkshop = defineUseCase({
  name: "workshops.create",
  http: { method: "post", path: "/projects/{projectId}/workshops", status: 201, response: createWorkshopOutput },
  access: { kind: "project", permission: "workshops.edit" },
  input: createWorkshopInput,
  write: true,
  async run(ctx, input) {
    const { invitedInstitutionIds, agenda, outputIds, ...fields } = input;
    await assertMission(ctx, input.projectId, input.missionId);
    await assertInstitutions(ctx.db, invitedInstitutionIds, "invitedInstitutionIds");
    await assertResultsLinkable(ctx, input.projectId, "workshop", outputIds, "outputIds");
    const workshop = await insertAudited(ctx.db, ctx.user.id, workshops, {
      values: fields,
      audit: {
        action: "workshops.create",
        entityType: "workshop",
        projectId: input.projectId,
        fields: editableFields,
        changes: { invited: { before: null, after: [...new Set(invitedInstitutionIds)] }, ...resultLinksChange("outputs", null, outputIds) },
      },
    });
    await writeInvitationsAndAgenda(ctx, workshop.id, invitedInstitutionIds, agenda);
    await writeResultLinks(ctx, "workshop", workshop.id, outputIds);
    return workshop;
  },
});

export const updateWorkshop = defineUseCase({
  name: "workshops.update",
  http: { method: "patch", path: "/projects/{projectId}/workshops/{workshopId}", response: updateWorkshopOutput },
  access: { kind: "project", permission: "workshops.edit" },
  input: updateWorkshopInput,
  write: true,
  async run(ctx, input) {
    const { projectId, workshopId, version, invitedInstitutionIds, agenda, outputIds, ...fields } = input;
    const before = await loadWorkshop(ctx, projectId, workshopId);
    await assertMission(ctx, projectId, input.missionId);
    await assertInstitutions(ctx.db, invitedInstitutionIds, "invitedInstitutionIds");
    await assertResultsLinkable(ctx, projectId, "workshop", outputIds, "outputIds");
    // Attendance and excuses already recorded on a day must stay inside the workshop's dates.
    const [outside] = await ctx.db
      .select({ day: attendance.day })
      .from(attendance)
      .where(and(eq(attendance.workshopId, workshopId), or(lt(attendance.day, input.startDate), gt(attendance.day, input.endDate))))
      .union(
        ctx.db
          .select({ day: attendanceExcuses.day })
          .from(attendanceExcuses)
          .where(and(eq(attendanceExcuses.workshopId, workshopId), or(lt(attendanceExcuses.day, input.startDate), gt(attendanceExcuses.day, input.endDate)))),
      )
      .limit(1);
    if (outside) throw new UseCaseError("invalid", { startDate: { key: "attendanceOutsideDates" } });
    const invitedBefore = (await ctx.db.select({ id: workshopInvitations.institutionId }).from(workshopInvitations).where(eq(workshopInvitations.workshopId, workshopId)))
      .map((r) => r.id)
      .sort();
    const after = await updateVersioned(ctx, workshops, {
      before,
      version,
      set: fields,
      audit: {
        action: "workshops.update",
        entityType: "workshop",
        projectId,
        fields: editableFields,
        changes: {
          ...changeOf("invited", invitedBefore, [...new Set(invitedInstitutionIds)].sort()),
          ...resultLinksChange("outputs", await linkedResultIds(ctx, "workshop", workshopId), outputIds),
        },
      },
    });
    await writeInvitationsAndAgenda(ctx, workshopId, invitedInstitutionIds, agenda);
    await writeResultLinks(ctx, "workshop", workshopId, outputIds);
    return after;
  },
});
