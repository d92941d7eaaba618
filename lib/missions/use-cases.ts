import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { missionNotes, missions, missionTeam, projectMembers, users, workshops, type Mission } from "@/db/schema";
import { changeOf, recordAudit } from "@/lib/audit";
import { fileTypes } from "@/lib/http/declaration";
import { UseCaseError } from "@/lib/result";
import { accentedLetters, containsPattern, plainLetters, sortable, toSearchText } from "@/lib/search-text";
import { narrativeSearchText, narrativeSortKey } from "@/lib/narrative-sql";
import { can, rolesWith } from "@/lib/policy";
import { defineUseCase, type Page, type UseCaseCtx } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { assertResultsLinkable, linkedResultIds, linkedResults, resultLinksChange, writeResultLinks } from "@/lib/result-links/links";
import { addMissionNoteInput, createMissionInput, listMissionsInput, missionIdInput, missionMonthInput, updateMissionInput } from "./schemas";
import { addMissionNoteOutput, createMissionOutput, getMissionOutput, listMissionMonthOutput, listMissionsOutput, updateMissionOutput } from "./responses";
import { visibleMissions } from "./queries";
import { today } from "@/lib/today";

const editableFields = ["title", "purpose", "country", "cities", "startDate", "endDate", "status", "objectives", "notes"] as const;

export type MissionSummary = Pick<Mission, "id" | "title" | "country" | "cities" | "startDate" | "endDate" | "status">;

const summaryColumns = {
  id: missions.id,
  title: missions.title,
  country: missions.country,
  cities: missions.cities,
  startDate: missions.startDate,
  endDate: missions.endDate,
  status: missions.status,
};

export const listMissions = defineUseCase({
  name: "missions.list",
  http: { method: "get", path: "/projects/{projectId}/missions", response: listMissionsOutput },
  access: { kind: "project", permission: "missions.read" },
  input: listMissionsInput,
  write: false,
  async run(ctx, input): Promise<Page<MissionSummary>> {
    const filters: (SQL | undefined)[] = [eq(missions.projectId, input.projectId), visibleMissions(ctx)];
    if (input.status) filters.push(eq(missions.status, input.status));
    if (input.q) {
      // Accents and case aside, as every search in the app.
      const pattern = containsPattern(toSearchText(input.q));
      const cities = sql`translate(lower(array_to_string(${missions.cities}, ' ')), ${accentedLetters}, ${plainLetters})`;
      filters.push(or(sql`${narrativeSearchText(missions.title)} like ${pattern}`, sql`${sortable(missions.purpose)} like ${pattern}`, sql`${cities} like ${pattern}`));
    }
    if (input.when === "upcoming") filters.push(gte(missions.endDate, today()));
    if (input.when === "past") filters.push(lt(missions.endDate, today()));
    const where = and(...filters);
    // Upcoming: the next one first. Past or all: the most recent first.
    const title = narrativeSortKey(missions.title, ctx.user.locale);
    const order = input.when === "upcoming" ? [asc(missions.startDate), asc(title)] : [desc(missions.startDate), asc(title)];
    const [items, [total]] = await Promise.all([
      ctx.db
        .select(summaryColumns)
        .from(missions)
        .where(where)
        .orderBy(...order, asc(missions.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(missions).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

/** The missions that overlap a calendar month. */
export const listMissionMonth = defineUseCase({
  name: "missions.month",
  http: { method: "get", path: "/projects/{projectId}/missions/calendar", response: listMissionMonthOutput },
  access: { kind: "project", permission: "missions.read" },
  input: missionMonthInput,
  write: false,
  async run(ctx, input): Promise<MissionSummary[]> {
    const first = `${input.month}-01`;
    const next = sql`(${first}::date + interval '1 month')::date`;
    return ctx.db
      .select(summaryColumns)
      .from(missions)
      .where(and(eq(missions.projectId, input.projectId), visibleMissions(ctx), lte(missions.startDate, sql`${next} - 1`), gte(missions.endDate, first)))
      .orderBy(asc(missions.startDate), asc(narrativeSortKey(missions.title, ctx.user.locale)));
  },
});

async function loadMission(ctx: UseCaseCtx, projectId: string, missionId: string): Promise<Mission> {
  const [mission] = await ctx.db
    .select()
    .from(missions)
    .where(and(eq(missions.id, missionId), eq(missions.projectId, projectId), visibleMissions(ctx)))
    .limit(1);
  if (!mission) throw new UseCaseError("not_found");
  return mission;
}

export const getMission = defineUseCase({
  name: "missions.get",
  http: [
    { method: "get", path: "/projects/{projectId}/missions/{missionId}", response: getMissionOutput },
    // The same mission as one calendar event (app/api/v1/…/calendar/route.ts builds the file).
    { method: "get", path: "/projects/{projectId}/missions/{missionId}/calendar", response: { file: [fileTypes.ics] } },
  ],
  access: { kind: "project", permission: "missions.read" },
  input: missionIdInput,
  write: false,
  async run(ctx, input) {
    const mission = await loadMission(ctx, input.projectId, input.missionId);
    const [team, notes, missionWorkshops, outputs] = await Promise.all([
      ctx.db
        .select({ id: users.id, name: users.name })
        .from(missionTeam)
        .innerJoin(users, eq(users.id, missionTeam.userId))
        .where(eq(missionTeam.missionId, mission.id))
        .orderBy(asc(users.name)),
      ctx.db
        .select({ id: missionNotes.id, body: missionNotes.body, createdAt: missionNotes.createdAt, authorName: users.name })
        .from(missionNotes)
        .leftJoin(users, eq(users.id, missionNotes.authorId))
        .where(eq(missionNotes.missionId, mission.id))
        .orderBy(desc(missionNotes.createdAt)),
      ctx.db
        .select({
          id: workshops.id,
          title: workshops.title,
          type: workshops.type,
          city: workshops.city,
          startDate: workshops.startDate,
          endDate: workshops.endDate,
          status: workshops.status,
        })
        .from(workshops)
        .where(eq(workshops.missionId, mission.id))
        .orderBy(asc(workshops.startDate), asc(workshops.title)),
      linkedResults(ctx, "mission", mission.id),
    ]);
    return { mission, team, notes, workshops: missionWorkshops, outputs, canEdit: can(ctx.access, "missions.edit") };
  },
});

/** The team must be staff of the project (partners do not see missions). */
async function assertTeam(ctx: UseCaseCtx, projectId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const found = await ctx.db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, userIds), inArray(projectMembers.role, rolesWith("missions.read"))));
  if (found.length !== new Set(userIds).size) throw new UseCaseError("invalid", { teamUserIds: { key: "notProjectStaff" } });
}

async function writeTeam(ctx: UseCaseCtx, missionId: string, userIds: string[]) {
  await ctx.db.delete(missionTeam).where(eq(missionTeam.missionId, missionId));
  const unique = [...new Set(userIds)];
  if (unique.length) await ctx.db.insert(missionTeam).values(unique.map((userId) => ({ missionId, userId })));
}

export const createMission = defineUseCase({
  name: "missions.create",
  http: { method: "post", path: "/projects/{projectId}/missions", status: 201, response: createMissionOutput },
  access: { kind: "project", permission: "missions.edit" },
  input: createMissionInput,
  write: true,
  async run(ctx, input) {
    const { teamUserIds, outputIds, ...fields } = input;
    await assertTeam(ctx, input.projectId, teamUserIds);
    await assertResultsLinkable(ctx, input.projectId, "mission", outputIds, "outputIds");
    const mission = await insertAudited(ctx.db, ctx.user.id, missions, {
      values: fields,
      audit: {
        action: "missions.create",
        entityType: "mission",
        projectId: input.projectId,
        fields: editableFields,
        changes: { team: { before: null, after: [...new Set(teamUserIds)] }, ...resultLinksChange("outputs", null, outputIds) },
      },
    });
    await writeTeam(ctx, mission.id, teamUserIds);
    await writeResultLinks(ctx, "mission", mission.id, outputIds);
    return mission;
  },
});

export const updateMission = defineUseCase({
  name: "missions.update",
  http: { method: "patch", path: "/projects/{projectId}/missions/{missionId}", response: updateMissionOutput },
  access: { kind: "project", permission: "missions.edit" },
  input: updateMissionInput,
  write: true,
  async run(ctx, input) {
    const { projectId, missionId, version, teamUserIds, outputIds, ...fields } = input;
    const before = await loadMission(ctx, projectId, missionId);
    await assertTeam(ctx, projectId, teamUserIds);
    await assertResultsLinkable(ctx, projectId, "mission", outputIds, "outputIds");
    const teamBefore = (await ctx.db.select({ userId: missionTeam.userId }).from(missionTeam).where(eq(missionTeam.missionId, missionId))).map((r) => r.userId).sort();
    const after = await updateVersioned(ctx, missions, {
      before,
      version,
      set: fields,
      audit: {
        action: "missions.update",
        entityType: "mission",
        projectId,
        fields: editableFields,
        changes: {
          ...changeOf("team", teamBefore, [...new Set(teamUserIds)].sort()),
          ...resultLinksChange("outputs", await linkedResultIds(ctx, "mission", missionId), outputIds),
        },
      },
    });
    await writeTeam(ctx, missionId, teamUserIds);
    await writeResultLinks(ctx, "mission", missionId, outputIds);
    return after;
  },
});

/** A dated note from the team; field staff on the mission may add one. */
export const addMissionNote = defineUseCase({
  name: "missions.addNote",
  http: { method: "post", path: "/projects/{projectId}/missions/{missionId}/notes", status: 201, response: addMissionNoteOutput },
  access: { kind: "project", permission: "missions.read" },
  input: addMissionNoteInput,
  write: true,
  async run(ctx, input) {
    const mission = await loadMission(ctx, input.projectId, input.missionId);
    const [note] = await ctx.db.insert(missionNotes).values({ missionId: mission.id, authorId: ctx.user.id, body: input.body }).returning();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "missions.addNote",
      entityType: "mission",
      entityId: mission.id,
      projectId: input.projectId,
      changes: { note: { before: null, after: input.body } },
    });
    return note!;
  },
});
