import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessLog, attendance, participantProjects, participants, projects, users, workshops, type AccessAction } from "@/db/schema";
import { projectsWithRole, requireParticipantRole } from "@/lib/authz";
import { loadVisibleParticipant } from "@/lib/participants/queries";
import { can, globalAccess } from "@/lib/policy";
import { defineUseCase, type Page } from "@/lib/use-case";
import { listAccessLogInput, personAccessesInput } from "./schemas";
import { listAccessLogOutput, listPersonAccessesOutput } from "./responses";

const dayMs = 24 * 60 * 60 * 1000;

export type AccessRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: AccessAction;
  resource: string;
  participantId: string | null;
  participantName: string | null;
  participantErased: boolean | null;
  projectId: string | null;
  projectCode: string | null;
  workshopId: string | null;
  workshopTitle: string | null;
};

/**
 * What concerns one person: views of their record, and downloads of a file that named them: a
 * workshop's file when they attended it, a project's list when the project knows them, and a list
 * of the whole directory (no project: an administrator's unfiltered export).
 */
function concerning(db: Db, participantId: string): SQL {
  const download = and(eq(accessLog.action, "file.download"), isNull(accessLog.participantId));
  return or(
    eq(accessLog.participantId, participantId),
    and(download, inArray(accessLog.workshopId, db.select({ id: attendance.workshopId }).from(attendance).where(eq(attendance.participantId, participantId)))),
    and(
      download,
      isNull(accessLog.workshopId),
      or(
        isNull(accessLog.projectId),
        inArray(accessLog.projectId, db.select({ id: participantProjects.projectId }).from(participantProjects).where(eq(participantProjects.participantId, participantId))),
      ),
    ),
  )!;
}

async function queryAccesses(db: Db, filters: SQL[], page: number, pageSize: number): Promise<Page<AccessRow>> {
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: accessLog.id,
        at: accessLog.at,
        actorId: accessLog.actorId,
        actorName: users.name,
        action: accessLog.action,
        resource: accessLog.resource,
        participantId: accessLog.participantId,
        givenNames: participants.givenNames,
        familyNames: participants.familyNames,
        participantErased: participants.isErased,
        projectId: accessLog.projectId,
        projectCode: projects.code,
        workshopId: accessLog.workshopId,
        workshopTitle: workshops.title,
      })
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.actorId))
      .leftJoin(participants, eq(participants.id, accessLog.participantId))
      .leftJoin(projects, eq(projects.id, accessLog.projectId))
      .leftJoin(workshops, eq(workshops.id, accessLog.workshopId))
      .where(where)
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(accessLog).where(where),
  ]);
  const items = rows.map(({ givenNames, familyNames, ...row }) => ({
    ...row,
    participantName: givenNames === null ? null : `${givenNames} ${familyNames}`.trim(),
  }));
  return { items, total: total?.n ?? 0, page, pageSize };
}

/** The administrator's view of every access, by user, person, kind and period. */
export const listAccessLog = defineUseCase({
  name: "accessLog.list",
  http: { method: "get", path: "/access-log", response: listAccessLogOutput },
  access: { kind: "admin" },
  input: listAccessLogInput,
  write: false,
  async run(ctx, input) {
    const filters: SQL[] = [];
    if (input.actorId) filters.push(eq(accessLog.actorId, input.actorId));
    if (input.participantId) filters.push(concerning(ctx.db, input.participantId));
    if (input.action) filters.push(eq(accessLog.action, input.action));
    if (input.from) filters.push(gte(accessLog.at, new Date(`${input.from}T00:00:00Z`)));
    // "to" is inclusive: the whole of that day counts.
    if (input.to) filters.push(lt(accessLog.at, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + dayMs)));
    return queryAccesses(ctx.db, filters, input.page, input.pageSize);
  },
});

/** Who accessed one person's data, for their personal-data page: the same people who may export it. */
export const listPersonAccesses = defineUseCase({
  name: "accessLog.person",
  http: { method: "get", path: "/participants/{participantId}/accesses", response: listPersonAccessesOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: personAccessesInput,
  write: false,
  async run(ctx, input) {
    await requireParticipantRole(ctx, [input.participantId], "participants.curate");
    const participant = await loadVisibleParticipant(ctx, input.participantId);
    const page = await queryAccesses(ctx.db, [concerning(ctx.db, participant.id)], input.page, input.pageSize);
    if (can(globalAccess(ctx.user), "project.readAll")) return page;
    // As on the person's page, staff are not told which other project or workshop knows them.
    const own = new Set((await projectsWithRole(ctx)).map((p) => p.projectId));
    const unnamed = { projectId: null, projectCode: null, workshopId: null, workshopTitle: null };
    return { ...page, items: page.items.map((row) => (row.projectId === null || own.has(row.projectId) ? row : { ...row, ...unnamed })) };
  },
});
